# Django's Arabic formats leave numbers ungrouped; amounts need their thousands separated.
NUMBER_GROUPING = 3

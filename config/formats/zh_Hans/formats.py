# Thousands grouped as in the Chinese documents of the United Nations: 1,234,567
THOUSAND_SEPARATOR = ","
NUMBER_GROUPING = 3

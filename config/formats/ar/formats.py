# Thousands grouped as in the Arabic documents of the United Nations: 1.234.567
NUMBER_GROUPING = 3

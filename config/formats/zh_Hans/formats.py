# Django's Chinese formats group by ten thousands with no separator; amounts are written in
# thousands separated by commas, as in United Nations documents in Chinese.
THOUSAND_SEPARATOR = ","
NUMBER_GROUPING = 3

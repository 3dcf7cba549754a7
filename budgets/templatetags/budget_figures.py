from django import template

from budgets import formatting

register = template.Library()

register.filter("budget_total", formatting.total)
register.filter("budget_signed", formatting.signed_total)
register.filter("budget_money", formatting.money)
register.filter("budget_count", formatting.whole)
register.filter("stated_label", formatting.stated_label)

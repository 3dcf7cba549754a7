from django import template

from budgets import figures

register = template.Library()

register.filter("money", figures.money)
register.filter("signed_money", figures.signed_money)
register.filter("cost", figures.cost)
register.filter("count", figures.count)

"""Who may see and change budgets.

Budgets are secretariat business: the Network secretariat manages every budget and every line;
a commission secretariat sees the whole table and changes its own commission's lines only;
nobody else sees a budget at all.
"""

import rules

from accounts.rules import is_network_secretariat, is_secretariat


@rules.predicate
def is_secretariat_of_line_commission(user, commission) -> bool:
    """`commission` is the Commission whose column is edited (a line's, or a form's)."""
    return (
        user.is_authenticated
        and commission is not None
        and (user.scopes.network or commission.pk in user.scopes.commission_ids)
    )


rules.add_perm("budgets.see_budget", is_secretariat)
rules.add_perm("budgets.manage_budget", is_network_secretariat)
rules.add_perm("budgets.edit_budget_column", is_secretariat_of_line_commission)
# To post changes to a budget's table at all; which columns, edit_budget_column decides per cell.
rules.add_perm("budgets.edit_budget", is_secretariat)

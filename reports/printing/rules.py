"""Who may see a rendered document: the person who asked for it, while they may still see its
source. The file is never shared by its address: a colleague asks for their own copy (identical
inputs reuse the same PDF)."""

import rules
from django.http import Http404

from reports.printing.registry import get_kind


@rules.predicate
def is_requester_of_job(user, job) -> bool:
    return user.is_authenticated and job is not None and job.requested_by_id == user.pk


@rules.predicate
def may_see_job_source(user, job) -> bool:
    try:
        get_kind(job.kind).source_for(job.object_id, user)
    except Http404:
        return False
    return True


rules.add_perm("reports.see_own_documents", rules.is_authenticated)
rules.add_perm("reports.see_render_job", is_requester_of_job & may_see_job_source)

"""The kinds of printable documents.

A kind is registered once, in an app's ready(), with a few lines:

    register(PrintableKind(
        name="submission", label=_("Submission"), permission="submissions.see_submission",
        load=lambda pk: Submission.objects.select_related("review").get(pk=pk),
        template="print/kinds/submission.html", context=submission_context,
    ))

`permission` is checked on the loaded object for the person who asks, when a job is requested,
when its page is shown and when its file is downloaded: whoever may no longer see the source
cannot get the document either.
"""

from collections.abc import Callable
from dataclasses import dataclass

from django.conf import settings
from django.core.exceptions import ObjectDoesNotExist
from django.http import Http404


@dataclass(frozen=True)
class PrintableKind:
    name: str
    label: str
    # The permission (django-rules) a person needs on the source object.
    permission: str
    # The source object by primary key; raises DoesNotExist when there is none.
    load: Callable[[int], object]
    template: str
    # The template's context for the source object, as `viewer` may see it.
    context: Callable[[object, object], dict]
    # The review the source belongs to (its secretariat, its cache scope).
    review_of: Callable[[object], object]
    # How the source is named in the list of one's documents.
    describe: Callable[[object], str] = str
    # The languages the source can be printed in (its language versions), if not all six.
    languages_of: Callable[[object], list[str]] | None = None

    def languages(self, source) -> list[str]:
        offered = dict(settings.LANGUAGES)
        if self.languages_of is None:
            return list(offered)
        return [code for code in self.languages_of(source) if code in offered]

    def source_for(self, pk: int, viewer):
        """The source object if `viewer` may see it; 404 otherwise, as for every page."""
        try:
            source = self.load(pk)
        except ObjectDoesNotExist:
            raise Http404 from None
        if not viewer.is_authenticated or not viewer.has_perm(self.permission, source):
            raise Http404
        return source


_KINDS: dict[str, PrintableKind] = {}


def register(kind: PrintableKind) -> PrintableKind:
    if kind.name in _KINDS and _KINDS[kind.name] != kind:
        raise ValueError(f"The printable kind {kind.name!r} is registered twice.")
    _KINDS[kind.name] = kind
    return kind


def get_kind(name: str) -> PrintableKind:
    try:
        return _KINDS[name]
    except KeyError:
        raise Http404 from None


def label_of(name: str) -> str:
    """The label of a kind, or its bare name if it is no longer registered."""
    kind = _KINDS.get(name)
    return str(kind.label) if kind else name


def kinds() -> list[PrintableKind]:
    return list(_KINDS.values())

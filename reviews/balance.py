"""Balance of the people in a programme: gender, geography, government and society (Annex 1, 2)."""

from collections.abc import Iterable
from dataclasses import dataclass, field

from django.utils.translation import gettext as _

from reviews.enums import Affiliation, Gender


@dataclass(frozen=True)
class Targets:
    women_share: int
    countries: int
    subregions: int
    society_share: int

    @classmethod
    def of(cls, review) -> "Targets":
        return cls(
            women_share=review.target_women_share,
            countries=review.target_countries,
            subregions=review.target_subregions,
            society_share=review.target_society_share,
        )


@dataclass
class Balance:
    people: int = 0
    women: int = 0
    men: int = 0
    government: int = 0
    society: int = 0
    intergovernmental: int = 0
    countries: set[str] = field(default_factory=set)
    subregions: set[str] = field(default_factory=set)

    @classmethod
    def of(cls, speakers: Iterable) -> "Balance":
        balance = cls()
        for speaker in speakers:
            balance.people += 1
            balance.women += speaker.gender == Gender.WOMAN
            balance.men += speaker.gender == Gender.MAN
            if speaker.affiliation in Affiliation.government():
                balance.government += 1
            elif speaker.affiliation == Affiliation.STAKEHOLDER:
                balance.society += 1
            else:
                balance.intergovernmental += 1
            if speaker.country is not None:
                balance.countries.add(speaker.country.iso3)
                if speaker.country.m49_subregion:
                    balance.subregions.add(speaker.country.m49_subregion)
        return balance

    @staticmethod
    def _share(part: int, whole: int) -> int:
        return round(100 * part / whole) if whole else 0

    @property
    def men_only(self) -> bool:
        """Only men speak: every speaker whose gender is stated is a man, and at least one is.

        A speaker of another or unstated gender is not counted as a man.
        """
        return self.men >= 1 and self.women == 0

    @property
    def women_share(self) -> int:
        return self._share(self.women, self.people)

    @property
    def society_share(self) -> int:
        return self._share(self.society, self.people)

    @property
    def government_share(self) -> int:
        return self._share(self.government, self.people)

    def gender_problems(self, targets: Targets) -> list[str]:
        if not self.people:
            return [_("No speakers yet.")]
        if self.women_share < targets.women_share:
            return [
                _("Women are %(share)s%% of speakers; the target is %(target)s%%.")
                % {"share": self.women_share, "target": targets.women_share}
            ]
        return []

    def geography_problems(self, targets: Targets) -> list[str]:
        if not self.people:
            return [_("No speakers yet.")]
        problems = []
        if len(self.countries) < targets.countries:
            problems.append(
                _("Speakers come from %(count)s countries; the target is %(target)s.")
                % {"count": len(self.countries), "target": targets.countries}
            )
        if len(self.subregions) < targets.subregions:
            problems.append(
                _("Speakers come from %(count)s sub-regions; the target is %(target)s.")
                % {"count": len(self.subregions), "target": targets.subregions}
            )
        return problems

    def society_problems(self, targets: Targets) -> list[str]:
        if not self.people:
            return [_("No speakers yet.")]
        problems = []
        if self.society_share < targets.society_share:
            problems.append(
                _("Whole-of-society speakers are %(share)s%%; the target is %(target)s%%.")
                % {"share": self.society_share, "target": targets.society_share}
            )
        if not self.government:
            problems.append(_("No speaker represents a government."))
        return problems

    def problems(self, targets: Targets) -> list[str]:
        return (
            self.gender_problems(targets)
            + self.geography_problems(targets)
            + self.society_problems(targets)
        )

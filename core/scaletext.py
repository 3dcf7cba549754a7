"""Prose for scale data: paragraphs in the six UN languages, drawn deterministically from Faker.

Generating every text with Faker would take minutes; a pool of paragraphs per language, drawn
from with a seeded random generator, gives the same volume in seconds.
"""

import random
from collections.abc import Callable
from dataclasses import dataclass, field

from django.utils.html import escape

FAKER_LOCALES = {
    "ar": "ar_AA",
    "zh-hans": "zh_CN",
    "en": "en_US",
    "fr": "fr_FR",
    "ru": "ru_RU",
    "es": "es_ES",
}

# The language a Member State writes in, among the six; English for the others.
_LANGUAGES_BY_COUNTRY = {
    "ar": "ARE BHR COM DJI DZA EGY IRQ JOR KWT LBN LBY MAR MRT OMN PSE QAT SAU SDN SOM SYR TUN YEM",
    "fr": "BDI BEN BFA CAF CIV CMR COD COG FRA GAB GIN GNQ HTI LUX MCO MDG MLI NER RWA SEN TCD TGO",
    "ru": "ARM AZE BLR KAZ KGZ RUS TJK TKM UZB",
    "es": "ARG BOL CHL COL CRI CUB DOM ECU ESP GTM HND MEX NIC PAN PER PRY SLV URY VEN",
    "zh-hans": "CHN",
}
_LANGUAGE_OF = {
    iso3: language for language, codes in _LANGUAGES_BY_COUNTRY.items() for iso3 in codes.split()
}


def language_of(iso3: str) -> str:
    return _LANGUAGE_OF.get(iso3, "en")


@dataclass
class TextPool:
    """Paragraphs (as HTML) and names per language."""

    seed: int
    size: int = 120
    _paragraphs: dict[str, list[str]] = field(default_factory=dict)
    _names: dict[str, list[str]] = field(default_factory=dict)

    def _faker(self, language: str):
        from faker import Faker  # a development dependency, needed only to make scale data

        faker = Faker(FAKER_LOCALES[language])
        faker.seed_instance(self.seed)
        return faker

    def paragraphs(self, language: str) -> list[str]:
        if language not in self._paragraphs:
            faker = self._faker(language)
            self._paragraphs[language] = [
                f"<p>{escape(faker.paragraph(nb_sentences=6))}</p>" for _ in range(self.size)
            ]
        return self._paragraphs[language]

    def names(self, language: str) -> list[str]:
        if language not in self._names:
            faker = self._faker(language)
            self._names[language] = [faker.name() for _ in range(self.size * 4)]
        return self._names[language]

    def text(
        self, rng: random.Random, language: str, words: int, count: Callable[[str], int]
    ) -> list[str]:
        """Paragraphs adding up to about `words` words as `count` counts them (at least one)."""
        pool = self.paragraphs(language)
        chosen, total = [], 0
        while not chosen or total < words:
            html = pool[rng.randrange(len(pool))]
            chosen.append(html)
            total += count(html)
        return chosen

    def sentence(self, rng: random.Random, language: str) -> str:
        html = self.paragraphs(language)[rng.randrange(self.size)]
        return html.removeprefix("<p>").removesuffix("</p>").split(". ")[0].rstrip(".") + "."

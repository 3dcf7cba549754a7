"""The one word-counting rule, also implemented in static/js/wordcount.js; both must agree.

- Markup does not count: tags are removed (as a space) and character entities decoded.
- Every Chinese, Japanese or Korean character counts as one word, as word processors count them.
- Elsewhere a word is a run of letters, combining marks and digits; an apostrophe or a hyphen
  between two such characters keeps a word together ("well-being", "l'homme"), and so does a point
  or comma between two digits ("2,000", "3.5"). Everything else separates words.

tests/core/wordcount_corpus.json holds texts in the six UN languages with their counts.
"""

import html

import regex

_TAG = regex.compile(r"<[^>]*>")
_CJK = regex.compile(r"[\p{Script=Han}\p{Script=Hiragana}\p{Script=Katakana}\p{Script=Hangul}]")
_WORD = regex.compile(
    r"[\p{L}\p{M}\p{N}]+(?:(?:['\u2019\-\u2010]|(?<=\p{N})[.,](?=\p{N}))[\p{L}\p{M}\p{N}]+)*"
)


def plain_text(text: str) -> str:
    return html.unescape(_TAG.sub(" ", text))


def count_words(text: str) -> int:
    plain = plain_text(text or "")
    cjk = len(_CJK.findall(plain))
    return cjk + len(_WORD.findall(_CJK.sub(" ", plain)))

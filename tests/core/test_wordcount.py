"""One counting rule, in Python and in the browser, checked on the same corpus."""

import json
from pathlib import Path

import pytest

from core.wordcount import count_words

CORPUS = json.loads((Path(__file__).parent / "wordcount_corpus.json").read_text(encoding="utf-8"))
SCRIPT = Path(__file__).resolve().parents[2] / "static" / "js" / "wordcount.js"


def test_corpus_covers_the_six_un_languages():
    assert {entry["language"] for entry in CORPUS} == {"ar", "zh-hans", "en", "fr", "ru", "es"}


@pytest.mark.parametrize("entry", CORPUS, ids=lambda e: f"{e['language']}:{e['text'][:24]}")
def test_python_count_matches_the_corpus(entry):
    assert count_words(entry["text"]) == entry["words"]


@pytest.mark.parametrize(
    ("text", "words"),
    [
        ("well-being", 1),
        ("l'homme aujourd’hui", 2),
        ("2,000.50 USD", 2),
        ("end. Start", 2),
        ("中文", 2),
        ("<b>bold</b>text", 2),
        ("a<br>b", 2),
        ("&nbsp;&nbsp;", 0),
    ],
)
def test_rule_details(text, words):
    assert count_words(text) == words


@pytest.mark.browser
def test_browser_count_agrees_with_python(page):
    page.goto("about:blank")
    page.add_script_tag(path=str(SCRIPT))
    counts = page.evaluate(
        "texts => texts.map(t => window.gcmWordCount.countWords(t))",
        [entry["text"] for entry in CORPUS],
    )
    assert counts == [count_words(entry["text"]) for entry in CORPUS]

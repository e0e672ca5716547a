"""Words that cannot go missing: every key in both languages with the same blanks, every key the code
names defined, every key defined used, and no key built at run time (a check could not see it).

The pages' own words (and those of the deck's modules) are read from their source (`WORDS = {...}`, a
literal): a page script runs the page when imported.
"""

import ast
import re
import string
from pathlib import Path

import pytest

from data import loader
from pages.ui.words import LANGUAGES, RULE_VALUES, TEXT

ROOT = Path(__file__).resolve().parent.parent
CODE = sorted([ROOT / "app.py", *(ROOT / "pages").rglob("*.py")])
PAGES = sorted((ROOT / "pages").glob("*.py"))


def page_words(path: Path) -> dict[str, dict[str, str]]:
    for node in ast.parse(path.read_text()).body:
        if isinstance(node, ast.Assign) and [getattr(t, "id", None) for t in node.targets] == ["WORDS"]:
            return ast.literal_eval(node.value)
    return {}


# Besides the pages, the modules that draw elsewhere (the meeting deck) keep their words beside them too.
ALL_WORDS = {**TEXT, **{key: words for path in CODE for key, words in page_words(path).items()}}
NAMESPACES = {key.split(".")[0] for key in ALL_WORDS}
KEY = re.compile(rf"^(?:{'|'.join(sorted(NAMESPACES))})\.[a-z0-9_.]+$")


def strings_in_code() -> list[tuple[Path, int, str]]:
    """Every string constant in the code outside the word dictionaries (which define, not use, keys)."""
    found = []
    for path in CODE:
        tree = ast.parse(path.read_text())
        dictionaries = {
            id(node.value)
            for node in ast.walk(tree)
            if isinstance(node, ast.Assign)
            and [getattr(t, "id", None) for t in node.targets] in (["WORDS"], ["TEXT"])
        }
        skipped = {
            id(inner) for node in ast.walk(tree) if id(node) in dictionaries for inner in ast.walk(node)
        }
        for node in ast.walk(tree):
            if id(node) not in skipped and isinstance(node, ast.Constant) and isinstance(node.value, str):
                found.append((path, node.lineno, node.value))
    return found


def blanks(text: str) -> set[str]:
    return {name for _, name, _, _ in string.Formatter().parse(text) if name}


@pytest.mark.parametrize("key", sorted(ALL_WORDS))
def test_every_key_has_both_languages_with_the_same_blanks(key):
    words = ALL_WORDS[key]
    assert set(words) == set(LANGUAGES), key
    assert all(words[lang].strip() for lang in LANGUAGES), key
    assert blanks(words["id"]) == blanks(words["en"]), key


def test_pages_define_only_their_own_keys():
    for path in PAGES:
        prefix = path.stem + "."
        assert all(key.startswith(prefix) for key in page_words(path)), path.name


def test_every_key_the_code_names_is_defined():
    named = [(path.name, line, text) for path, line, text in strings_in_code() if KEY.match(text)]
    assert named, "the check found no key at all"
    assert [entry for entry in named if entry[2] not in ALL_WORDS] == []


def test_every_key_defined_is_used():
    used = {text for _, _, text in strings_in_code()}
    assert sorted(set(ALL_WORDS) - used) == []


def test_no_key_is_built_at_run_time():
    """An f-string that starts like a key ("petugas.tab_{name}") hides the keys it can make."""
    built = []
    for path in CODE:
        for node in ast.walk(ast.parse(path.read_text())):
            if isinstance(node, ast.JoinedStr) and node.values and isinstance(node.values[0], ast.Constant):
                head = str(node.values[0].value)
                if re.match(rf"^(?:{'|'.join(sorted(NAMESPACES))})\.", head):
                    built.append((path.name, node.lineno, head))
    assert built == []


def test_the_rules_numbers_fill_the_words_in_each_language():
    assert RULE_VALUES["id"]["poin_waspada"] == "7,5" and RULE_VALUES["en"]["poin_waspada"] == "7.5"
    filled = {blank for words in ALL_WORDS.values() for blank in blanks(words["id"])} & set(RULE_VALUES["id"])
    assert filled == set(RULE_VALUES["id"])  # each rule's number is named by some word
    for words in ALL_WORDS.values():
        assert "7,5" not in words["id"] and "7.5" not in words["en"]  # never written out by hand


def test_every_loader_note_has_words_on_the_data_page():
    """The notes a load gives (data/loader.py) are said on the Data page in the viewer's language, with
    the same blanks."""
    source = ast.parse((ROOT / "pages" / "data.py").read_text())
    [note_words] = [
        ast.literal_eval(node.value)
        for node in source.body
        if isinstance(node, ast.Assign) and [getattr(t, "id", None) for t in node.targets] == ["NOTE_WORDS"]
    ]
    assert set(note_words) == set(loader.NOTES)
    for key, text in loader.NOTES.items():
        assert blanks(ALL_WORDS[note_words[key]]["id"]) == blanks(text), key

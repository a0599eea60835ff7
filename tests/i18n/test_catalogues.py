"""The gettext catalogues cover every UI string of our code, and Django uses the compiled ones.

The strings are extracted here without GNU gettext (templatize() for templates, ast for Python),
so that the check runs on machines that have no xgettext.
"""

import ast
import re
import shutil
from io import StringIO
from pathlib import Path

import polib
import pytest

from django.conf import settings
from django.core.management import call_command
from django.utils import translation
from django.utils.translation import trans_real
from django.utils.translation.template import templatize

BASE_DIR = Path(settings.BASE_DIR)
LOCALE_DIR = BASE_DIR / "locale"
LANGUAGES = ["de", "en", "ar", "fa", "tr", "uk", "ru"]
APPS = [
    "config",
    "home",
    "search",
    "concept",
    "contacts",
    "news",
    "events",
    "participation",
    "translations",
    "roles",
    "accounts",
]
TEMPLATE_SUFFIXES = {".html", ".txt"}
# gettext's usual Plural-Forms: Arabic six forms, Russian and Ukrainian three, the others two.
NPLURALS = {"de": 2, "en": 2, "ar": 6, "fa": 2, "tr": 2, "uk": 3, "ru": 3}

# Which positional arguments of each gettext function hold (msgctxt, msgid, msgid_plural).
KEYWORDS = {
    "_": (None, 0, None),
    "gettext": (None, 0, None),
    "gettext_lazy": (None, 0, None),
    "gettext_noop": (None, 0, None),
    "ngettext": (None, 0, 1),
    "ngettext_lazy": (None, 0, 1),
    "pgettext": (0, 1, None),
    "pgettext_lazy": (0, 1, None),
    "npgettext": (0, 1, 2),
    "npgettext_lazy": (0, 1, 2),
}

# A call in templatize()'s output: string literals (with an optional u prefix) and names only.
_LITERAL = r"""[uU]?(?:'(?:[^'\\\n]|\\.)*'|"(?:[^"\\\n]|\\.)*")"""
_ARGUMENT = rf"(?:{_LITERAL}|\w+)"
TEMPLATE_CALL_RE = re.compile(
    rf"(?<![\w.])(?P<name>_|gettext|pgettext|ngettext|npgettext)"
    rf"\(\s*(?P<args>{_ARGUMENT}(?:\s*,\s*{_ARGUMENT})*)\s*\)"
)
PLACEHOLDER_RE = re.compile(
    r"%%|%(?:\([^)]*\))?[-#0 +]*(?:\d+|\*)?(?:\.\d+)?[diouxXeEfFgGcrsab]|\{\{|\}\}|\{[^{}]*\}"
)


def _key(msgctxt, msgid, msgid_plural=None):
    return (msgctxt or None, msgid, msgid_plural or None)


def _describe(key):
    msgctxt, msgid, _plural = key
    return f"{msgctxt}|{msgid!r}" if msgctxt else repr(msgid)


def _key_from_arguments(name, arguments):
    """The catalogue key of one call, or None if an argument it needs is not a string literal."""
    values = []
    for position in KEYWORDS[name]:
        if position is None:
            values.append(None)
            continue
        if position >= len(arguments):
            return None
        argument = arguments[position]
        if not (isinstance(argument, ast.Constant) and isinstance(argument.value, str)):
            return None
        values.append(argument.value)
    return _key(*values)


def template_files():
    roots = [BASE_DIR / "templates", *(BASE_DIR / app / "templates" for app in APPS)]
    return sorted(
        path
        for root in roots
        if root.is_dir()
        for path in root.rglob("*")
        if path.is_file() and path.suffix in TEMPLATE_SUFFIXES
    )


def python_files():
    skipped = {"migrations", "tests", "__pycache__"}
    return sorted(
        path
        for app in APPS
        if (BASE_DIR / app).is_dir()
        for path in (BASE_DIR / app).rglob("*.py")
        if not skipped.intersection(path.relative_to(BASE_DIR).parts)
    )


def keys_in_template_source(source, origin=None):
    """The catalogue keys of a template's text, in the order templatize() emits them."""
    keys = []
    for match in TEMPLATE_CALL_RE.finditer(templatize(source, origin=origin)):
        call = ast.parse(f"f({match['args']})", mode="eval").body
        key = _key_from_arguments(match["name"], call.args)
        if key is not None:
            keys.append(key)
    return keys


def strings_in_template(path):
    found = {}
    for key in keys_in_template_source(path.read_text(encoding="utf-8"), origin=str(path)):
        found.setdefault(key, []).append(str(path.relative_to(BASE_DIR)))
    return found


def strings_in_python(path, base_dir=BASE_DIR):
    found = {}
    path = base_dir / path
    tree = ast.parse(path.read_text(encoding="utf-8"), filename=str(path))
    for node in ast.walk(tree):
        if not isinstance(node, ast.Call):
            continue
        func = node.func
        name = func.id if isinstance(func, ast.Name) else getattr(func, "attr", None)
        if name not in KEYWORDS:
            continue
        key = _key_from_arguments(name, node.args)
        if key is not None:
            found.setdefault(key, []).append(f"{path.relative_to(base_dir)}:{node.lineno}")
    return found


def extract_strings():
    """Every translatable string of our templates and Python code: key -> where it occurs."""
    found = {}
    for path in template_files():
        for key, places in strings_in_template(path).items():
            found.setdefault(key, []).extend(places)
    for path in python_files():
        for key, places in strings_in_python(path).items():
            found.setdefault(key, []).extend(places)
    return found


@pytest.fixture(scope="module")
def extracted():
    return extract_strings()


def load_catalogue(language):
    path = LOCALE_DIR / language / "LC_MESSAGES" / "django.po"
    assert path.is_file(), f"{path.relative_to(BASE_DIR)} is missing; run makemessages"
    return polib.pofile(str(path))


def catalogue_entries(catalogue):
    return {
        _key(entry.msgctxt, entry.msgid, entry.msgid_plural): entry
        for entry in catalogue
        if not entry.obsolete
    }


def placeholders(text):
    return sorted(token for token in PLACEHOLDER_RE.findall(text) if token not in {"%%"})


def test_extractor_finds_strings_in_templates_and_python(extracted):
    sources = {place.split(":")[0] for places in extracted.values() for place in places}
    assert any(source.endswith(".html") for source in sources), "no string found in templates"
    assert any(source.endswith(".py") for source in sources), "no string found in Python files"
    assert (None, "Zum Inhalt springen", None) in extracted


def test_extractor_handles_every_template_form():
    source = (
        "{% load i18n %}"
        '{% translate "Zum Inhalt springen" %}'
        "{% translate 'Barriere melden' as subject %}"
        '{% translate "100% sicher" context "kurz" %}'
        "{% blocktranslate trimmed with name=user.name %}\n  Hallo {{ name }}, „Grüße“\n"
        "{% endblocktranslate %}"
        "{% blocktranslate count n=items|length %}ein Eintrag{% plural %}{{ n }} Einträge"
        "{% endblocktranslate %}"
        "{% blocktranslate context 'Menü' %}Mehr{% endblocktranslate %}"
        '{{ _("Konstante")|default:_("Vorgabe") }}'
        "Text mit gettext('kein Aufruf') und _(x)"
    )
    assert set(keys_in_template_source(source)) == {
        (None, "Zum Inhalt springen", None),
        (None, "Barriere melden", None),
        ("kurz", "100%% sicher", None),
        (None, "Hallo %(name)s, „Grüße“", None),
        (None, "ein Eintrag", "%(n)s Einträge"),
        ("Menü", "Mehr", None),
        (None, "Konstante", None),
        (None, "Vorgabe", None),
    }


def test_extractor_handles_every_python_form(tmp_path):
    path = tmp_path / "sample.py"
    path.write_text(
        "from django.utils import translation\n"
        "from django.utils.translation import gettext_lazy as _, ngettext, pgettext_lazy\n"
        "A = _('Einleitung')\n"
        "B = translation.gettext('Ein ' 'Satz')\n"
        "C = pgettext_lazy('Monat', 'Mai')\n"
        "D = ngettext('%(count)d Tag', '%(count)d Tage', 3)\n"
        "E = _(f'{A} nicht')\n"
        "F = gettext_lazy(variable)\n",
        encoding="utf-8",
    )
    found = strings_in_python(path.relative_to(tmp_path), base_dir=tmp_path)
    assert set(found) == {
        (None, "Einleitung", None),
        (None, "Ein Satz", None),
        ("Monat", "Mai", None),
        (None, "%(count)d Tag", "%(count)d Tage"),
    }
    assert found[(None, "Einleitung", None)] == ["sample.py:3"]


def test_extractor_covers_what_makemessages_found(extracted):
    catalogue_keys = set(catalogue_entries(load_catalogue("de")))
    assert catalogue_keys, "locale/de/LC_MESSAGES/django.po has no entries; run makemessages"
    unknown = sorted(set(extracted) - catalogue_keys, key=_describe)
    assert not unknown, (
        "Strings in the code that the German catalogue lacks (run makemessages):\n"
        + "\n".join(f"  {_describe(key)} ({', '.join(extracted[key])})" for key in unknown)
    )
    missed = sorted(catalogue_keys - set(extracted), key=_describe)
    coverage = 1 - len(missed) / len(catalogue_keys)
    assert coverage >= 0.95, (
        f"The extractor finds only {coverage:.0%} of the msgids in the German catalogue; "
        "it misses:\n" + "\n".join(f"  {_describe(key)}" for key in missed)
    )


@pytest.mark.parametrize("language", LANGUAGES)
def test_catalogue_translates_every_string(language, extracted):
    entries = catalogue_entries(load_catalogue(language))
    problems = []
    for key, places in sorted(extracted.items(), key=lambda item: _describe(item[0])):
        entry = entries.get(key)
        if entry is None:
            problem = "missing"
        elif entry.fuzzy:
            problem = "fuzzy"
        elif not entry.translated():
            problem = "empty msgstr"
        else:
            continue
        problems.append(f"  [{language}] {problem}: {_describe(key)} ({', '.join(places)})")
    assert not problems, (
        f"{len(problems)} string(s) not translated in locale/{language}/LC_MESSAGES/django.po "
        "(run makemessages, then translate):\n" + "\n".join(problems)
    )


@pytest.mark.parametrize("language", LANGUAGES)
def test_catalogue_keeps_placeholders(language):
    catalogue = load_catalogue(language)
    problems = []
    for entry in catalogue:
        if entry.obsolete or not entry.translated():
            continue
        if entry.msgid_plural:
            allowed = set(placeholders(entry.msgid) + placeholders(entry.msgid_plural))
            forms = [entry.msgstr_plural[index] for index in sorted(entry.msgstr_plural)]
            # A singular form may spell the number out ("ein Eintrag"); the others may not.
            bad = [form for form in forms if not set(placeholders(form)) <= allowed]
            if placeholders(forms[-1]) != placeholders(entry.msgid_plural):
                bad.append(forms[-1])
        else:
            bad = [entry.msgstr] if placeholders(entry.msgstr) != placeholders(entry.msgid) else []
        problems.extend(f"  [{language}] {entry.msgid!r} -> {text!r}" for text in bad)
    assert not problems, "Placeholders differ from the msgid's:\n" + "\n".join(problems)


@pytest.mark.parametrize("language", LANGUAGES)
def test_catalogue_header(language):
    catalogue = load_catalogue(language)
    # polib keeps the header's flags here: a list once parsed, a bool when built in memory.
    header_flags = catalogue.metadata_is_fuzzy
    header_is_fuzzy = "fuzzy" in header_flags if isinstance(header_flags, list) else header_flags
    assert not header_is_fuzzy, f"[{language}] the header is marked fuzzy"
    assert catalogue.metadata.get("Language") == language
    assert "charset=UTF-8" in catalogue.metadata.get("Content-Type", "")
    plural_forms = catalogue.metadata.get("Plural-Forms", "")
    match = re.search(r"nplurals\s*=\s*(\d+)", plural_forms)
    assert match, f"[{language}] no Plural-Forms header"
    assert int(match[1]) == NPLURALS[language], f"[{language}] {plural_forms}"
    for entry in catalogue:
        if entry.msgid_plural and not entry.obsolete:
            assert len(entry.msgstr_plural) == NPLURALS[language], (
                f"[{language}] {entry.msgid!r} has {len(entry.msgstr_plural)} plural forms"
            )


def test_german_catalogue_is_the_source():
    mismatched = [
        f"  {entry.msgid!r} -> {entry.msgstr!r}"
        for entry in load_catalogue("de")
        if not entry.obsolete and not entry.msgid_plural and entry.msgstr != entry.msgid
    ]
    assert not mismatched, "German msgstr must equal the msgid:\n" + "\n".join(mismatched)


@pytest.fixture
def locale_copy(settings, tmp_path):
    """The .po files alone in a temporary LOCALE_PATHS, so no earlier .mo file can help."""
    for po_path in LOCALE_DIR.glob("*/LC_MESSAGES/django.po"):
        target = tmp_path / po_path.relative_to(LOCALE_DIR)
        target.parent.mkdir(parents=True)
        shutil.copyfile(po_path, target)
    settings.LOCALE_PATHS = [tmp_path]
    yield tmp_path
    trans_real._translations = {}


def test_compiled_catalogues_are_used_by_django(locale_copy, monkeypatch):
    # No PATH: the command must not need GNU msgfmt.
    monkeypatch.setenv("PATH", "")
    out = StringIO()
    call_command("compile_catalogues", stdout=out)
    assert f"Compiled {len(LANGUAGES)} catalogues" in out.getvalue()
    for language in LANGUAGES:
        assert (locale_copy / language / "LC_MESSAGES" / "django.mo").is_file()

    trans_real._translations = {}
    for language in ("en", "ar"):
        catalogue = polib.pofile(str(locale_copy / language / "LC_MESSAGES" / "django.po"))
        expected = catalogue.find("Zum Inhalt springen").msgstr
        assert expected and expected != "Zum Inhalt springen"
        with translation.override(language):
            assert translation.gettext("Zum Inhalt springen") == expected


def test_compile_catalogues_is_idempotent(locale_copy):
    call_command("compile_catalogues", stdout=StringIO())
    mo_files = sorted(locale_copy.glob("*/LC_MESSAGES/django.mo"))
    assert len(mo_files) == len(LANGUAGES)
    first = [path.read_bytes() for path in mo_files]
    out = StringIO()
    call_command("compile_catalogues", stdout=out)
    assert [path.read_bytes() for path in mo_files] == first
    assert f"(0 written, {len(LANGUAGES)} unchanged)" in out.getvalue()

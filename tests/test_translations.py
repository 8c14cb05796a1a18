"""The catalogs: every marked string translated, placeholders kept, the .mo current, and the
language chosen from the system or by name."""

from __future__ import annotations

import gettext
import os
import subprocess
import sys

import pytest
from babel.messages.catalog import Catalog

from curator import catalogs
from curator.domain.translation import _, current_language
from curator.languages import set_language, system_language


@pytest.fixture(scope="module")
def template() -> Catalog:
    """A fresh extraction of Curator's strings (so a string added today is checked today)."""
    return catalogs.extract()


@pytest.mark.parametrize("language", catalogs.translated_languages())
def test_every_string_has_a_translation(template: Catalog, language: str) -> None:
    missing = [problem for problem in catalogs.problems(catalogs.read_catalog(language), template)
               if problem.startswith("untranslated")]
    assert missing == [], ("run `uv run python -m curator.catalogs update`, translate, then "
                           "`compile`:\n" + "\n".join(missing))


@pytest.mark.parametrize("language", catalogs.translated_languages())
def test_translations_keep_their_placeholders(template: Catalog, language: str) -> None:
    changed = [problem for problem in catalogs.problems(catalogs.read_catalog(language), template)
               if problem.startswith("placeholders")]
    assert changed == []


@pytest.mark.parametrize("language", catalogs.translated_languages())
def test_compiled_catalog_matches_its_po(language: str) -> None:
    po = catalogs.read_catalog(language)
    expected = {(message.context, message.id if isinstance(message.id, str) else message.id[0]):
                message.string if isinstance(message.string, str) else message.string[0]
                for message in po if message.id and message.string and not message.fuzzy}
    with catalogs.po_path(language).with_suffix(".mo").open("rb") as file:
        compiled = gettext.GNUTranslations(file)
    assert {(context, message): compiled.pgettext(context, message) if context
            else compiled.gettext(message) for context, message in expected} == expected, (
        "run `uv run python -m curator.catalogs compile`")


def test_placeholders_are_found_in_both_styles() -> None:
    assert catalogs.placeholders("{count} of {total}, {{literal}}") == ["{count}", "{total}"]
    assert catalogs.placeholders("%(prog)s: %s 100%% %d") == ["%(prog)s", "%d", "%s"]


def test_a_dropped_placeholder_is_a_problem() -> None:
    template = Catalog()
    template.add("Created {key}.")
    template.add("Open a record first.")
    catalog = Catalog(locale="zh_CN")
    catalog.add("Created {key}.", "已创建 {name}。")
    problems = catalogs.problems(catalog, template)
    assert problems == ["placeholders of 'Created {key}.': ['{name}'] in '已创建 {name}。', "
                        "not ['{key}']", "untranslated: 'Open a record first.'"]


@pytest.mark.parametrize(("environment", "language"), [
    ({"LANG": "zh_CN.UTF-8"}, "zh_CN"),
    ({"LANG": "zh_TW.UTF-8"}, "zh_CN"),
    ({"LANG": "en_GB.UTF-8"}, "en"),
    ({"LANG": "fr_FR.UTF-8"}, "en"),
    ({"LANG": "C.UTF-8"}, "en"),
    ({"LANGUAGE": "fr:zh_CN", "LANG": "en_US.UTF-8"}, "zh_CN"),
    ({"LC_ALL": "en_US.UTF-8", "LANG": "zh_CN.UTF-8"}, "en"),
    ({}, "en"),
])
def test_the_system_language_is_read_as_gettext_does(environment: dict[str, str],
                                                     language: str) -> None:
    assert system_language(environment) == language


def test_a_chosen_language_translates_messages() -> None:
    assert set_language("zh_CN") == "zh_CN"
    assert current_language() == "zh_CN"
    assert _("Cannot open the project") == "无法打开项目"
    set_language("en")
    assert _("Cannot open the project") == "Cannot open the project"


def test_the_command_line_help_speaks_chinese() -> None:
    environment = {key: value for key, value in os.environ.items()
                   if key not in ("LANGUAGE", "LC_ALL", "LC_MESSAGES")}
    environment["LANG"] = "zh_CN.UTF-8"
    result = subprocess.run([sys.executable, "-m", "curator", "--help"], env=environment,
                            capture_output=True, text=True, encoding="utf-8", check=True)
    assert "用法" in result.stdout
    assert "从源文档中整理事件、人物和机构。" in result.stdout


@pytest.mark.parametrize("module", ["languages.py", "catalogs.py", "argparse_texts.py",
                                    "domain/translation.py", "domain/local_formats.py"])
def test_the_catalog_machinery_needs_no_qt(module: str) -> None:
    """The services and the command line translate without Qt."""
    from tests.test_layering import PACKAGE, _imported_modules

    assert not any(name.startswith("PySide6") for name in _imported_modules(PACKAGE / module))

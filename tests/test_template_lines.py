"""Lines that blog and form templates print on many sites go by rule, whatever the scorer thinks."""

import pytest

import cleaner

_PROSE = ("Dies ist ein langer Absatz über das Thema, der viele Wörter enthält und mit einem Punkt endet, "
          "damit er als Prosa gilt.")


@pytest.mark.parametrize(
    ("line", "rule"),
    [
        ("This site is protected by reCAPTCHA and the Google Privacy Policy and Terms of Service apply.", "LEG007"),
        ("This site uses Akismet to reduce spam. Learn how your comment data is processed.", "LEG007"),
        ("Bloggen auf WordPress.com.", "NAV003"),
        ("Jump to Recipe Print Recipe", "SHR003"),
        ("Bitte loggen Sie sich vor dem Kommentieren ein Login Login", "COM002"),
        ("Podziel się", "SHR003"),
        ("Den Artikel mit anderen teilen/diskutieren:", "SHR003"),
        ("Es werden die Weine 1 bis 10 von insgesamt 19 angezeigt!", "NAV001"),
        ("Bitte geben Sie die Zahlenfolge in das nachfolgende Textfeld ein.", "NAV001"),
    ],
)
def test_template_line_is_removed_by_its_rule(line: str, rule: str) -> None:
    text = f"Titel des Artikels\n\n{_PROSE}\n\n{line}\n\n{_PROSE.replace('langer', 'zweiter')}\n"
    article = cleaner.clean(text, kind="text")
    assert line not in article.text
    assert [r.rule for r in article.removed if r.text == line] == [rule]

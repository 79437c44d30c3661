"""TEI XML output (`--format tei`, `cleaner.output.to_tei`): valid against the TEI corpus DTD that
trafilatura ships (and validates its own TEI against), the metadata in the header, the body's words and
structure in `<div type="entry">`, several documents as one `<teiCorpus>`."""

from __future__ import annotations

from pathlib import Path

import pytest
from lxml import etree

import cleaner
from cleaner.output import to_tei

from .batch_helpers import ROOT, run

trafilatura_xml = pytest.importorskip("trafilatura.xml")
NS = {"t": "http://www.tei-c.org/ns/1.0"}
CASES = sorted((ROOT / "fixtures" / "cases").glob("*/input.*"))
STRUCTURED = ROOT / "fixtures" / "cases" / "html_en_markdown_structure" / "input.html"


def valid(xml: bytes) -> etree._Element:
    root = etree.fromstring(xml)
    dtd = etree.DTD(trafilatura_xml.TEI_SCHEMA)
    assert dtd.validate(root), dtd.error_log.last_error
    return root


def squeezed(text: str) -> str:
    """The text's characters without its whitespace: the same words in the same order, however laid out."""
    return "".join(text.split())


@pytest.mark.parametrize("path", CASES, ids=lambda p: p.parent.name)
def test_every_fixture_is_valid_tei_holding_the_body_words(path: Path) -> None:
    article = cleaner.clean(path.read_bytes(), url="https://example.com/story")
    root = valid(to_tei(article, links=True, images=True).encode("utf-8"))
    entry = root.find(".//t:text/t:body/t:div[@type='entry']", NS)
    for desc in entry.findall(".//t:graphic/t:desc", NS):  # an image's alt text is not body text
        desc.getparent().remove(desc)
    assert squeezed("".join(entry.itertext())) == squeezed(article.text)
    assert root.findtext(".//t:titleStmt/t:title", namespaces=NS) == (article.title or "")
    assert [a.text for a in root.findall(".//t:fileDesc/t:titleStmt/t:author", NS)] == article.authors


def test_structure_and_metadata_of_a_page() -> None:
    article = cleaner.clean(STRUCTURED.read_bytes(), url="https://example.com/n/s.html")
    root = valid(to_tei(article, links=True).encode())
    entry = root.find(".//t:div[@type='entry']", NS)
    assert entry.findall("t:ab[@type='header']", NS), "headings"
    assert entry.findall(".//t:list[@rend='ul']/t:item", NS) or entry.findall(".//t:list[@rend='ol']/t:item", NS)
    assert root.find(".//t:ptr[@type='URL']", NS).get("target") == "https://example.com/n/s.html"
    assert root.find(".//t:langUsage/t:language", NS).get("ident") == article.language
    assert root.findtext(".//t:note[@type='fingerprint']", namespaces=NS) == article.fingerprint


def test_the_command_writes_one_tei_or_a_valid_corpus(tmp_path: Path) -> None:
    one = run("clean", str(STRUCTURED), "-f", "tei", "-q")
    assert one.returncode == 0
    assert etree.QName(valid(one.stdout)).localname == "TEI"
    several = run("clean", str(STRUCTURED), *map(str, CASES[:3]), "-f", "tei", "-q")
    corpus = valid(several.stdout)
    assert etree.QName(corpus).localname == "teiCorpus" and len(corpus.findall("t:TEI", NS)) == 4
    out, tree = tmp_path / "out", tmp_path / "in"
    tree.mkdir()
    (tree / "one.html").write_bytes(STRUCTURED.read_bytes())
    (tree / "two.txt").write_bytes(CASES[0].read_bytes())
    assert run("clean", str(tree), "-f", "tei", "--output-dir", str(out), "-q").returncode == 0
    files = sorted(out.rglob("*.xml"))
    assert len(files) == 2 and all(valid(f.read_bytes()) is not None for f in files)


def test_characters_xml_cannot_hold_are_dropped_and_markup_escaped() -> None:
    page = ("<html><head><title>Bad &#x1b;]0;title&#x7; &lt;b&gt; &amp; more</title></head><body><article>"
            "<h1>Bad \x1b]0;title\x07 <b> &amp; more</h1><p>The council approved the budget on Tuesday after a long "
            "debate about the cost of the new school and the library, &lt;script&gt; included.</p></article></body></html>")
    root = valid(to_tei(cleaner.clean(page, kind="html")).encode())
    assert "\x1b" not in etree.tostring(root, encoding="unicode")
    assert "<script>" in " ".join(root.find(".//t:div[@type='entry']", NS).itertext())

"""Chinese, Japanese, Korean and Thai through the public interface: language by script, relative
times, headlines whose site name is glued on, sentences that hold dates, and the replay property."""

from __future__ import annotations

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

import cleaner
from cleaner import Cleaner, replay

ZH = ("在抗击新冠肺炎疫情的日子里，封在武汉的父母们总要万般无奈而又小心翼翼回应着孩子天真的追问。\n\n"
      "即便日常已改变了模样，但生活依然要继续。纵然已有焦虑煎熬，但内心仍需要坚强。")
ZH_HANT = "在抗擊疫情的日子裡，父母們總要小心翼翼回應著孩子天真的追問。即便日常已改變了模樣，但生活依然要繼續。"
JA = "東京都は８日、今年の夏の電力需給のひっ迫に備えて、家庭の節電に応じてポイントを付与する制度を拡充すると発表しました。"
KO = "서울시는 올여름 폭염에 대비해 무더위 쉼터를 지난해보다 500곳 늘린 4천200곳으로 확대 운영한다고 8일 밝혔다."
TH = ("กรุงเทพมหานครประกาศเปิดลานจอดรถฟรีใกล้สถานีรถไฟฟ้าจำนวน 12 สถานี ตั้งแต่วันที่ 15 พฤษภาคมเป็นต้นไป "
      "เพื่อจูงใจให้ผู้ปกครองที่ขับรถมาจากชานเมืองจอดรถแล้วต่อรถไฟฟ้าเข้าเมือง")
EN = ("The council met in Tokyo (東京) on Tuesday evening and agreed, after a long debate, to keep the "
      "swimming pool open through the winter months, whatever the heating costs.")


@pytest.mark.parametrize("text, language", [(ZH, "zh"), (ZH_HANT, "zh"), (JA, "ja"), (KO, "ko"), (TH, "th"), (EN, "en")])
def test_language_by_script(text: str, language: str) -> None:
    article = cleaner.clean(text, kind="text")
    assert article.language == language
    assert article.stats["sources"]["language"] == ("stopwords" if language == "en" else "script")


@pytest.mark.parametrize("line, expected", [
    ("5小时前 1", "2025-05-08T07:00:00+00:00"), ("3時間前", "2025-05-08T09:00:00+00:00"),
    ("5시간 전", "2025-05-08T07:00:00+00:00"), ("5 ชั่วโมงที่แล้ว", "2025-05-08T07:00:00+00:00"),
    ("2天前", "2025-05-06T12:00:00+00:00"),
])
def test_relative_times_resolve_against_the_reference_date(line: str, expected: str) -> None:
    article = Cleaner().clean(f"{line}\n\n{ZH}", kind="text", reference_date="2025-05-08T12:00:00Z")
    assert line not in article.text
    assert article.datetime == expected and article.date == expected[:10]


def test_a_site_name_glued_to_the_headline_is_taken_off() -> None:
    html = ("<html><head><title>武汉的声音：有英勇的你，才有英雄的城！-新华网</title></head><body><div class='nav'>首页</div>"
            "<article>" + "".join(f"<p>{p}</p>" for p in ZH.split("\n\n"))
            + "</article></body></html>")
    article = cleaner.clean(html, kind="html")
    assert article.title == "武汉的声音：有英勇的你，才有英雄的城！"
    assert article.language == "zh"


def test_ruby_readings_are_not_text() -> None:
    html = ("<html><body><article><h1><ruby>大雨<rt>おおあめ</rt></ruby>に<ruby>注意<rp>(</rp><rt>ちゅうい</rt><rp>)</rp></ruby></h1>"
            f"<p><ruby>東京都<rt>とうきょうと</rt></ruby>は{JA[3:]}</p><p>{JA}</p></article></body></html>")
    article = cleaner.clean(html, kind="html")
    assert article.title == "大雨に注意"
    assert "とうきょうと" not in article.text and article.text.startswith("東京都は")


def test_a_long_chinese_line_is_a_sentence_and_a_short_one_is_not() -> None:
    menu = "\n".join(["首页", "新闻", "财经", "体育", "科技", "汽车"])
    article = cleaner.clean(f"{menu}\n\n{ZH}\n\n热门文章\n杭州地铁三号线北段下月开通\n西湖音乐喷泉恢复夜间表演", kind="text")
    assert article.paragraphs == ZH.split("\n\n")


def test_european_pages_with_cjk_quotes_keep_their_language_and_stoplist() -> None:
    article = cleaner.clean("Beim Treffen in Peking (北京) sagte die Ministerin, dass die Gespräche über den Handel "
                            "fortgesetzt werden, und sie kündigte eine weitere Reise für den Herbst an.", kind="text")
    assert article.language == "de"


#: Common characters, sentence ends and separators: random Chinese-like text.
_CHARS = list("的一是在不了有和人这中大为上个国我以要他时来用们生到作地于出就分对成会可主发年动同工也能下过子说产种面") + list("。，！？ \n")


@settings(max_examples=60, deadline=None)
@given(st.lists(st.text(alphabet=st.sampled_from(_CHARS), min_size=1), min_size=1, max_size=12))
def test_replay_on_random_chinese_text(paragraphs: list[str]) -> None:
    text = "\n\n".join(paragraphs)
    if not text.strip():
        return
    article = cleaner.clean(text, kind="text")
    assert replay(article.normalized_input, article.removed) == article.text

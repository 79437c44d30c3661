"""Languages without a stoplist (Chinese, Japanese, ...): stopword density must not condemn their prose."""

import cleaner

_PARAGRAPH = (
    "一个约定，信守十五年，感人至深；一段真情，延续十五年，温暖人心，这是河北农业大学果树专业毕业生群体的真实写照，"
    "他们扎根基层，服务农民，把论文写在大地上，赢得了广泛赞誉和高度评价，成为新时代青年学习的榜样"
)


def test_long_chinese_paragraphs_are_not_taken_for_lists():
    paragraphs = [_PARAGRAPH.replace("一个", w) for w in ("一个", "两个", "三个", "四个")]
    text = "首页 | 新闻 | 图片 | 视频\n\n" + "\n\n".join(paragraphs) + "\n\n版权所有 © 2020\n"
    article = cleaner.clean(text, kind="text")
    assert "HEU002" not in {r.rule for r in article.removed}
    assert paragraphs[1] in article.text and paragraphs[3] in article.text

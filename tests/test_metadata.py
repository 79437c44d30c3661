"""Metadata through the public interface: headline, authors and dates in text and HTML mode."""

from __future__ import annotations

import pytest

from cleaner import Cleaner

PROSE = (
    "The council met on Tuesday evening and agreed, after a long debate, to keep the swimming pool open "
    "through the winter months.\n\n"
    "Residents had collected more than two thousand signatures, and the mayor thanked them for their "
    "patience while the budget was being drawn up.\n"
)


def clean_text(text: str, url: str | None = None):
    return Cleaner().clean(text, kind="text", url=url)


def test_headline_echoing_the_page_title_wins_even_with_final_punctuation() -> None:
    text = "Pool stays open all winter! | Town News\n\nHome\nNews\nSport\n\nPool stays open all winter!\n\n" + PROSE
    assert clean_text(text).title == "Pool stays open all winter!"


def test_site_name_before_the_headline_is_recognised_from_the_address() -> None:
    text = "Four Years Remaining » Interning of small integers in Python\n\nFour Years Remaining\nAbout\n\n" \
           "Interning of small integers in Python\n\n" + PROSE
    article = clean_text(text, url="https://fouryears.eu/2019/10/21/interning/")
    assert article.title == "Interning of small integers in Python"


def test_a_section_part_of_the_page_title_is_not_the_headline() -> None:
    text = "Pool stays open through the winter | Local | Town News\n\nLocal\nSport\n\n" \
           "Pool stays open through the winter\n\n" + PROSE
    assert clean_text(text).title == "Pool stays open through the winter"


def test_a_colon_does_not_make_the_headline_end_a_site_name() -> None:
    text = "Dezuka Suisan: Fried fish cakes, hot and fresh\n\nMenu\n\n" + PROSE
    assert clean_text(text).title == "Dezuka Suisan: Fried fish cakes, hot and fresh"


def test_the_site_name_under_the_page_title_is_not_the_headline() -> None:
    # "Headline | Site" then "Site" on the next line: the page <title> ends with the site's name.
    text = "Aren't we all …? | Katastrophengebiet\nKatastrophengebiet\nJournal of a writer\nMenu\n\n" \
           "Aren't we all …?\n\n" + PROSE
    assert clean_text(text).title == "Aren't we all …?"


def test_the_headline_repeated_whole_is_taken_over_a_label_nearer_the_article() -> None:
    text = "Brothel catering to politicians busted in Boston\nSkip to content\nLocal News\n\n" \
           "Brothel catering to politicians busted in Boston\nJohns paid up to $600 an hour\n" \
           "Local News |\n\n" + PROSE
    assert clean_text(text).title == "Brothel catering to politicians busted in Boston"


def _with_byline(*lines: str) -> str:
    return "Pool stays open all winter | Town News\nHome\nNews\n\nPool stays open all winter\n" + \
        "\n".join(lines) + "\n\n" + PROSE


def test_byline_after_publishing_words_and_a_date() -> None:
    article = clean_text(_with_byline("Veröffentlicht am 12. Juni 2017 von gizzmo"))
    assert article.authors == ["gizzmo"]
    assert "gizzmo" not in article.text


def test_byline_opener_alone_with_the_name_on_the_next_line() -> None:
    assert clean_text(_with_byline("Von", "Thomas Steinberg", "19.10.19, 12:00 Uhr")).authors == ["Thomas Steinberg"]


def test_user_name_beside_a_date_but_not_a_section_name() -> None:
    assert clean_text(_with_byline("MikeNils 18.10.2019, 15:07 Uhr")).authors == ["MikeNils"]
    assert clean_text(_with_byline("Politik | 18.10.2019")).authors == []


def test_only_the_byline_under_the_headline_counts() -> None:
    text = _with_byline("By Grace Zokovitch | gzokovitch@example.com") + "\nMore stories\nBy Ann Other, 12.03.2021\n"
    assert clean_text(text).authors == ["Grace Zokovitch"]


def test_a_name_over_a_date_line_and_not_a_menu_phrase() -> None:
    assert clean_text(_with_byline("Ronja Beck", "/ 16.11.2018, 03:00 Uhr")).authors == ["Ronja Beck"]
    assert clean_text(_with_byline("Mehr Sport", "16.11.2018, 03:00 Uhr")).authors == []
    assert clean_text(_with_byline("PUBLISHED: November 8, 2023 at 4:56 p.m.")).authors == []


HTML_BODY = "<article><p>" + PROSE.replace("\n\n", "</p><p>") + "</p></article>"


def clean_html(head: str, h1: str = "", url: str | None = None):
    html = f"<html lang='de'><head>{head}</head><body><header><a href='/'>Home</a></header>{h1}{HTML_BODY}</body></html>"
    return Cleaner().clean(html, kind="html", url=url)


def test_html_title_takes_the_site_name_off_the_og_title() -> None:
    head = ("<title>Pool stays open all winter | Town News</title><meta property='og:site_name' content='Town News'>"
            "<meta property='og:title' content='Pool stays open all winter | Town News'>")
    assert clean_html(head).title == "Pool stays open all winter"


def test_html_title_is_the_h1_without_a_kicker_glued_before_it() -> None:
    head = "<meta property='og:title' content='Rene Benko-Firma Signa in Sorge - Finanzdaten und Berater-Auftrag'>"
    h1 = "<h1>Immobilienkrise Rene Benko-Firma Signa in Sorge – Finanzdaten und Berater-Auftrag</h1>"
    assert clean_html(head, h1).title == "Rene Benko-Firma Signa in Sorge – Finanzdaten und Berater-Auftrag"


def test_html_title_ignores_an_og_title_that_is_the_site_name() -> None:
    head = ("<title>Peking 2022 – Eine große Chance</title><meta property='og:site_name' content='Biathlon Union - IBU'>"
            "<meta property='og:title' content='Biathlon Union - IBU'>")
    assert clean_html(head, "<h1>Peking 2022 – Eine große Chance</h1>").title == "Peking 2022 – Eine große Chance"


def test_a_utc_timestamp_is_read_in_the_zone_of_the_page_language() -> None:
    head = "<meta property='article:published_time' content='2022-11-06T23:00:00.000Z'>"
    assert clean_html(head).date == "2022-11-07"
    assert clean_html(head.replace("23:00", "21:00")).date == "2022-11-06"


def test_html_author_is_the_person_over_the_site_speaking() -> None:
    head = "<meta name='author' content='LAOLA1.at'>"
    h1 = "<h1>Pool stays open all winter</h1><div class='author'>Erstellt von Andri Bryner</div>"
    assert clean_html(head, h1, url="https://www.laola1.at/de/red/x").authors == ["Andri Bryner"]


def test_html_author_that_is_the_site_stays_when_no_person_is_named() -> None:
    assert clean_html("<meta name='author' content='telebasel'>", url="https://telebasel.ch/x").authors == ["telebasel"]


def test_html_author_claim_loses_degrees_and_trailing_labels() -> None:
    assert clean_html("<meta name='author' content='Grant Tinsley, PhD'>").authors == ["Grant Tinsley"]
    assert clean_html("<meta name='author' content='Sara Zinnecker Stand:'>").authors == ["Sara Zinnecker"]


def test_html_article_carries_description_canonical_address_image_language_and_publisher() -> None:
    head = ("<link rel='canonical' href='/2024/pool'><meta property='og:site_name' content='Town News'>"
            "<meta property='og:description' content='The pool stays open.'>"
            "<script type='application/ld+json'>{\"@type\": \"NewsArticle\", \"headline\": \"Pool stays open\","
            " \"image\": {\"@type\": \"ImageObject\", \"url\": \"/img/pool.jpg\"}}</script>")
    article = clean_html(head, "<h1>Pool stays open</h1>", url="https://news.example/2024/pool?utm=x")
    assert article.canonical_url == "https://news.example/2024/pool"
    assert article.image == "https://news.example/img/pool.jpg"
    assert article.description == "The pool stays open."
    assert article.publisher == "Town News"
    assert article.language == "en"
    assert article.to_dict()["image"] == article.image


def test_html_description_and_address_from_json_ld_when_no_meta_tags() -> None:
    head = ("<script type='application/ld+json'>{\"@type\": \"Article\", \"headline\": \"Pool stays open\","
            " \"description\": \"The pool &amp; the budget.\", \"url\": \"https://news.example/pool\","
            " \"image\": [\"https://cdn.example/a.jpg\", \"https://cdn.example/b.jpg\"]}</script>")
    article = clean_html(head)
    assert (article.description, article.canonical_url, article.image) == (
        "The pool & the budget.", "https://news.example/pool", "https://cdn.example/a.jpg")


def test_the_date_under_the_headline_wins_over_dates_of_teasers_above() -> None:
    text = ("Pool stays open all winter | Town News\nHome\nMore news\nBridge reopens\n12.03.2021\n\n"
            "Pool stays open all winter\nVeröffentlicht am 23.01.2020\n\n" + PROSE)
    assert clean_text(text).date == "2020-01-23"


def test_a_date_opening_the_first_paragraph_is_the_article_date() -> None:
    text = "Pool stays open all winter | Town News\nHome\n\nPool stays open all winter\n\n" \
           "29.11.2022 – " + PROSE
    assert clean_text(text).date == "2022-11-29"


def test_html_byline_under_the_h1_when_the_page_claims_no_author() -> None:
    h1 = "<h1>Pool stays open all winter</h1><div>MikeNils 18.10.2019, 15:07 Uhr</div>"
    assert clean_html("<title>Pool stays open all winter</title>", h1).authors == ["MikeNils"]


def test_a_line_of_names_under_the_headline_is_the_byline() -> None:
    assert clean_text(_with_byline("Andrew Woodcock", "Political Editor")).authors == ["Andrew Woodcock"]
    assert clean_text(_with_byline("Neue Regeln für Schwimmbäder")).authors == []


def test_names_line_reads_lists_and_job_titles() -> None:
    from cleaner.metadata.byline_lines import names_line

    assert names_line("Clara Löw, Siddharth Prakash & Klaus Jacob") == ["Clara Löw", "Siddharth Prakash", "Klaus Jacob"]
    assert names_line("Richard Adams Education editor") == ["Richard Adams"]
    assert names_line("Harald Bauer Autor") == ["Harald Bauer"]
    assert names_line("Christoph von Eichhorn") == ["Christoph von Eichhorn"]
    assert names_line("Mehr aus der Region") is None


def test_html_title_is_the_only_h1_when_the_og_title_says_otherwise() -> None:
    head = "<meta property='og:title' content='Privatkredit-Zinsen: So ermitteln Sie Ihre Kosten | SMAVA'>"
    h1 = "<h1>Wie hoch sind die Zinsen für einen Privatkredit?</h1>"
    assert clean_html(head, h1).title == "Wie hoch sind die Zinsen für einen Privatkredit?"


def test_a_byline_far_below_the_article_is_the_last_resort() -> None:
    filler = "".join(f"Paragraph {k} of the story goes on with more words about the pool and its visitors.\n" for k in range(30))
    text = "Pool stays open all winter\n\n" + PROSE + filler + "Veröffentlicht von Cem Basman\nTeilen\n"
    article = clean_text(text)
    assert article.authors == ["Cem Basman"]
    assert clean_text(text.replace("Veröffentlicht von Cem Basman", "Mit der neuen Flex Mono von Berkley bekommt Ihr")).authors == []


def test_a_generational_suffix_keeps_its_dot() -> None:
    assert clean_text(_with_byline("By Perry Bacon Jr.")).authors == ["Perry Bacon Jr."]


def test_html_title_drops_a_kicker_the_og_title_sets_apart() -> None:
    head = "<meta property='og:title' content='Einheit der Woche | Lagen-Pyramide mit GA2 - SWIM.DE'>"
    h1 = "<h1><span>Einheit der Woche</span> Lagen-Pyramide mit GA2</h1>"
    assert clean_html(head, h1, url="https://www.swim.de/x").title == "Lagen-Pyramide mit GA2"
    # the <h1> shows the separator itself: the kicker is part of the headline it prints
    h1 = "<h1>Covid-19: Lässt sich die Ausbreitung kontrollieren?</h1>"
    head = "<meta property='og:title' content='Covid-19: Lässt sich die Ausbreitung kontrollieren?'>"
    assert clean_html(head, h1).title == "Covid-19: Lässt sich die Ausbreitung kontrollieren?"


def test_html_title_drops_a_site_name_or_date_after_the_headline_in_the_h1() -> None:
    head = "<meta property='og:title' content='Zuschauerrückkehr bei den Proficlubs der Region'>"
    h1 = "<h1>Zuschauerrückkehr bei den Proficlubs der Region <small>02.02.2022 • Verband, Presse</small></h1>"
    assert clean_html(head, h1).title == "Zuschauerrückkehr bei den Proficlubs der Region"
    h1 = "<h1>Zuschauerrückkehr bei den Proficlubs der Region in Württemberg</h1>"
    assert clean_html(head, h1).title == "Zuschauerrückkehr bei den Proficlubs der Region in Württemberg"


def test_the_headline_echoing_the_page_title_with_other_quote_marks() -> None:
    text = ('Bushido erklärt ihn für "finished" - Raptastisch\n\nHome\nNews\n\nBushido erklärt ihn für „finished“\n'
            "Mehr zum Thema\nBushido erklärt ihn für\n\n" + PROSE)  # (a cut teaser: a weaker echo)
    article = clean_text(text, url="https://raptastisch.net/x")
    assert article.title == "Bushido erklärt ihn für „finished“"


def test_a_line_announcing_the_author_far_below_with_the_name_on_the_next_line() -> None:
    filler = "".join(f"Paragraph {k} of the story goes on with more words about the pool and its visitors.\n" for k in range(30))
    text = "Pool stays open all winter\n\n" + PROSE + filler + "Published by\nDaniel Lemire\nShare this\n"
    assert clean_text(text).authors == ["Daniel Lemire"]
    assert clean_text(text.replace("Daniel Lemire", "Mehr Sport")).authors == []


def test_byline_words_after_the_name_are_not_part_of_it() -> None:
    assert clean_text(_with_byline("By Martin Jendrischik On 12. Dezember 2022")).authors == ["Martin Jendrischik"]
    assert clean_text(_with_byline("By Evan Halper Staff Writer")).authors == ["Evan Halper"]
    assert clean_text(_with_byline("By Staff Writer")).authors == ["Staff Writer"]


def test_a_byline_word_after_a_bare_name_is_dropped() -> None:
    from cleaner.metadata.byline_lines import lone_name, names_line

    assert names_line("Inga Hoeltmann Follow") == ["Inga Hoeltmann"]
    assert lone_name("Inga Hoeltmann Follow") == "Inga Hoeltmann"
    assert lone_name("Mehr Sport") is None


def test_without_an_echo_of_the_page_title_a_headline_long_line_beats_a_nearer_label() -> None:
    text = "Town News\nHome\n\nSwimmers cheer as the pool stays open all winter\nLocal Politics\n\n" + PROSE
    assert clean_text(text).title == "Swimmers cheer as the pool stays open all winter"


def test_html_title_keeps_the_headlines_opening_quote_when_a_kicker_goes() -> None:
    head = "<meta property='og:title' content='Die Zukunft der Arbeit - „Wir dekorieren die Liegestühle um“'>"
    h1 = "<h1><span>Die Zukunft der Arbeit</span> „Wir dekorieren die Liegestühle um“</h1>"
    assert clean_html(head, h1).title == "„Wir dekorieren die Liegestühle um“"


def test_html_title_from_the_page_title_when_the_og_title_was_cut_at_a_quote_mark() -> None:
    # content="... de "incapacitado"": the page's unescaped quote ends the attribute early
    head = ('<title>Senador republicano califica a Biden de "incapacitado"</title>'
            '<meta property="og:title" content="Senador republicano califica a Biden de "incapacitado"">')
    assert clean_html(head).title == 'Senador republicano califica a Biden de "incapacitado"'


def test_html_authors_of_one_byline_box_are_all_taken_but_not_handles_or_buttons() -> None:
    byline = ("<p class='byline'>Von <a class='author' href='/a/1'>Lars Fischer</a> und "
              "<a class='author' href='/a/2'>Alina Schadwinkel</a> <a class='author' href='/x'>Follow</a></p>")
    teaser = "<div class='teaser'><span class='author'>Hans Teaser</span></div>"
    assert clean_html("", "<h1>Wie sich die Ausbreitung kontrollieren lässt</h1>" + byline + teaser).authors == [
        "Lars Fischer", "Alina Schadwinkel"]


def test_html_author_without_a_role_before_the_name_and_no_label_as_author() -> None:
    head = ('<script type="application/ld+json">{"@type": "NewsArticle", '
            '"author": [{"@type": "Person", "name": "Von FOCUS-Online-Experte Robin Tschöpe"}]}</script>')
    assert clean_html(head).authors == ["Robin Tschöpe"]
    assert clean_html("", "<h1>Autohäuser im Wandel der Zeit</h1><p class='byline'>Stand:</p>").authors == []


def test_html_author_without_link_text_handle_or_profession_around_the_name() -> None:
    h1 = "<h1>Pool stays open all winter</h1>"
    for byline, name in [("View all posts by Daniel Lemire", "Daniel Lemire"), ("Alles von Martin Junker", "Martin Junker"),
                         ("Williams Perdomo @wperdomod", "Williams Perdomo"), ("Rechtsanwalt Dennis Tölle", "Dennis Tölle")]:
        assert clean_html("", f"{h1}<div class='author'>{byline}</div>").authors == [name]


def test_a_placeholder_author_claim_names_nobody_not_even_as_a_last_resort() -> None:
    for placeholder in ("No Author", "Beitrag", "Drupal", "wordpressadmin"):
        assert clean_html(f"<meta name='author' content='{placeholder}'>").authors == []
    # the site speaking stays the author when no person is named (unlike a placeholder)
    assert clean_html("<meta name='author' content='telebasel'>", url="https://telebasel.ch/x").authors == ["telebasel"]


def test_a_personal_site_named_after_a_marked_person_gives_its_owner_as_author() -> None:
    titled = clean_html("<title>Zeitphilosophie – Dr. Alexander Klier</title>", url="https://www.alexander-klier.net/z/")
    assert (titled.authors, titled.stats["sources"]["authors"]) == (["Alexander Klier"], "site owner")
    initial = clean_html("<meta property='og:site_name' content='C.Habermueller'>", url="https://chabermu.wordpress.com/x/")
    assert initial.authors == ["C.Habermueller"]
    person = ("<script type='application/ld+json'>{\"@graph\": [{\"@type\": [\"Person\", \"Organization\"], "
              "\"name\": \"Helge Fahrnberger\"}]}</script>")
    assert clean_html(person, url="http://www.helge.at/2014/mahu/").authors == ["Helge Fahrnberger"]


def test_a_site_named_like_a_person_but_unmarked_is_no_author() -> None:
    assert clean_html("<meta property='og:site_name' content='Golf Post'>", url="https://www.golfpost.de/a/").authors == []
    titled = clean_html("<title>Zeitphilosophie – Dr. Alexander Klier</title>", url="https://www.zeit-blog.net/z/")
    assert titled.authors == []


def test_a_von_line_broken_off_a_sentence_is_no_byline() -> None:
    h1 = "<h1>Pool stays open all winter</h1><p>Musik<br>von Künstlern, Bands, DJs,<br>die hier spielen möchten</p>"
    assert clean_html("", h1).authors == []


def test_html_title_after_a_wordpress_blog_archive_part_and_a_site_named_h1() -> None:
    head = "<title>Four Years Remaining » Blog Archive » Interning of Small Integers in Python</title>"
    article = clean_html(head, "<h1>Four Years Remaining</h1>", url="http://fouryears.eu/2010/interning/")
    assert article.title == "Interning of Small Integers in Python"
    hosted = clean_html("<title>Disfunctions.de » Podcasts in Plex einbinden</title>", "<h1>Disfunctions.de</h1>",
                        url="https://www.disfunctions.de/2012/podcasts/")
    assert hosted.title == "Podcasts in Plex einbinden"


def test_an_h1_opening_with_the_sites_part_of_the_title_is_its_banner() -> None:
    head = "<title>Kinder und Arbeit » ProNATs e.V.</title>"
    h1 = "<h1>ProNATs e.V. Verein zur Unterstützung arbeitender Kinder und Jugendlicher</h1>"
    assert clean_html(head, h1, url="https://pronats.de/arbeit/").title == "Kinder und Arbeit"
    # a headline that opens with the site's name and agrees with the <title> stays
    head = "<title>ZDF Politbarometer: Mehrheit für Tempolimit | ZDF</title>"
    h1 = "<h1>ZDF Politbarometer: Mehrheit für Tempolimit</h1>"
    assert clean_html(head, h1, url="https://www.zdf.de/p/").title == "ZDF Politbarometer: Mehrheit für Tempolimit"


def test_an_h1_spelled_as_the_title_wins_over_navigation_h1s_before_it() -> None:
    h1 = "<h1>Sections</h1><h1>About</h1><h1>Axios Future</h1>"
    assert clean_html("<title>Axios Future</title>", h1, url="https://www.axios.com/newsletters/axios-future").title == "Axios Future"


def test_a_themes_credit_in_the_page_footer_is_no_byline() -> None:
    h1 = ("<h1>Pool stays open all winter</h1><div class='byline'>Alexander Roll</div>")
    html = (f"<html><body>{h1}{HTML_BODY}<footer id='colophon'><div class='copyright'>Theme: ColorMag by "
            "<a href='https://themegrill.com' rel='author'>ThemeGrill</a>.</div></footer></body></html>")
    assert Cleaner().clean(html, kind="html").authors == ["Alexander Roll"]


def test_publisher_from_json_ld_when_og_site_name_is_a_section_nothing_bears_out() -> None:
    head = ("<title>Parasite scores upset at SAG awards | Reuters</title><meta property='og:site_name' content='U.S.'>"
            "<script type='application/ld+json'>{\"@type\": \"NewsArticle\", \"publisher\": {\"@type\": \"Organization\", "
            "\"name\": \"Reuters\"}}</script>")
    article = clean_html(head, url="https://www.reuters.com/article/us-awards-sag")
    assert (article.publisher, article.stats["sources"]["publisher"]) == ("Reuters", "json-ld")
    kept = head.replace("'U.S.'", "'Reuters UK'")
    assert clean_html(kept, url="https://www.reuters.com/article/us-awards-sag").publisher == "Reuters UK"


_PUBLISHED = "<meta property='article:published_time' content='{}'>"


@pytest.mark.parametrize("claim, line, expected", [
    # the printed date wins over a claim no reading of it agrees with
    ("2021-11-29", "Veröffentlicht am 12.01.2022", "2022-01-12"),
    # a claim that agrees with a reading of a line stays ("11/08/23" US order, "11.03.17" engadget's)
    ("2023-11-08T17:19:00-05:00", "By Ann Lee • 11/08/23 5:19pm", "2023-11-08"),
    ("2017-11-03T03:01:00-04:00", "11.03.17 in Gadgetry", "2017-11-03"),
    ("2023-11-08", "Updated 2.12.2023, first published 8.11.2023", "2023-11-08"),
    # a claim with day and month in doubt is read as the printed line reads it
    ("11/01/2023 12:43:42", "Erstellt am: 01.11.2023", "2023-11-01"),
    # an embedded post's date, an event's, a revision's do not replace the claim
    ("2023-11-06", "— Ann Lee (@annlee) November 4, 2023", "2023-11-06"),
    ("2019-11-27", "Termin: 21.02.2020, 19 Uhr", "2019-11-27"),
    ("2017-12-15T08:50:02-05:00", "Updated Jul 24, 2018, 2:15pm EDT", "2017-12-15"),
    ("2023-11-09T05:30:59+00:00", "PUBLISHED: November 8, 2023 at 11:30 p.m. | UPDATED: November 9, 2023", "2023-11-08"),
])
def test_the_date_printed_with_the_headline_against_the_pages_claim(claim: str, line: str, expected: str) -> None:
    assert clean_html(_PUBLISHED.format(claim), f"<h1>Pool stays open all winter</h1><div>{line}</div>").date == expected


def test_the_printed_date_that_wins_is_named_as_the_source() -> None:
    head = "<script type='application/ld+json'>{\"@type\": \"NewsArticle\", \"datePublished\": \"2021-11-29\"}</script>"
    article = clean_html(head, "<h1>Pool stays open all winter</h1><div>Veröffentlicht am 12.01.2022</div>")
    assert (article.date, article.stats["sources"]["date"]) == ("2022-01-12", "dateline")
    assert clean_html(head, "<h1>Pool stays open all winter</h1>").date == "2021-11-29"


def test_json_ld_wrapped_in_cdata_is_read() -> None:
    head = ("<script type='application/ld+json'>//<![CDATA[\n{\"@type\": \"NewsArticle\", \"datePublished\": "
            "\"2015-07-10\", \"author\": {\"@type\": \"Person\", \"name\": \"Ann Lee\"}}\n//]]></script>")
    article = clean_html(head, "<h1>Pool stays open all winter</h1>")
    assert (article.date, article.authors) == ("2015-07-10", ["Ann Lee"])


def test_a_json_ld_headline_that_is_a_description_loses_to_the_visible_title() -> None:
    head = ("<title>New Zealand - Wikipedia</title><script type='application/ld+json'>{\"@type\": \"Article\", "
            "\"headline\": \"constitutional monarchy in Oceania\"}</script>")
    assert clean_html(head, "<h1>New Zealand</h1>", url="https://en.wikipedia.org/wiki/New_Zealand").title == "New Zealand"


def test_a_byline_element_holding_a_button_or_a_date_label_names_nobody() -> None:
    updated = clean_html("", "<h1>Pool stays open all winter</h1><div class='byline'>Last Updated: January 7, 2025</div>")
    assert updated.authors == []
    follow = clean_html("", "<h1>Pool stays open all winter</h1><div class='author'>Follow @annlee</div>")
    assert follow.authors == []

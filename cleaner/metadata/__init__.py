"""Metadata: date, byline and publisher lines, the headline, the publisher, the fields beyond them.

lines (finders that read one line: dates, bylines, publisher lines), patterns (their month names,
date words and byline openers), labelling (the metadata-lines stage, after the pattern rules),
titles (the headline, author and date chosen once the article region is known), publisher (the
site name from the text's own evidence), datetimes (dates with their time and offset), fields
(tags, section, licence, modified date, links, comments, chosen at assembly from the text and the
page's claims), access (free, paywalled, truncated).
"""

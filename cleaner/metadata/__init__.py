"""Metadata: one room per field, and one place that says which claim wins.

Rooms: headline (the page's headline claims) and titles (text mode's headline line), authors (author
claims, the person rule, the byline stage), dates (the one ISO stamp reader, the address's date,
claims read against the printed date, the date stage), publisher, page (description); site (the
site's names and the one title-separator pattern), claims (`PageClaims`, the page's claims typed
once); choose (a precedence table per field and `choose_metadata`, each field in its own fault
boundary). Line finders: lines (dates, bylines, publisher lines), patterns (their vocabularies),
labelling (the metadata-lines stage). Beyond them: fields (tags, section, licence, modified date,
links, comments) and access (free, paywalled, truncated).
"""

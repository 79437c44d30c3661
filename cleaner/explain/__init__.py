"""What the ledger says, shown to a person: `cleaner explain` (terminal), `--html` (report), `cleaner diff`.

terminal (the input with removals struck out and coloured), report (one self-contained HTML page
for a batch, from report_template.html), diff (two configs, the segments whose label changes).
"""

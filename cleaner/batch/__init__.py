"""Batch cleaning (`cleaner clean` on many inputs): readers in, a process pool, writers out.

streams (decompression, bounded reads), readers (files, folders, stdin, JSON Lines, WARC),
pool (the process pool over chunks, time limits, error records), writers (JSON Lines with
--resume, an output folder, progress, summary), run (the command end to end).
"""

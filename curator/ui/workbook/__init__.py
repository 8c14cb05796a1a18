"""The workbook as a working copy in the window: importing corrections, export choices."""

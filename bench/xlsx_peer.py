#!/usr/bin/python3
"""bench/xlsx_peer.py — the peer of the agreement import in bench/agreements.sh:
openpyxl (Debian python3-openpyxl) reads the same xlsx in its streaming
read-only mode and writes every row to a CSV file — reading only, nothing is
checked or stored. Prints the number of rows read.

    /usr/bin/python3 bench/xlsx_peer.py FILE.xlsx OUT.csv
"""
import csv
import sys

import openpyxl


def main(src, dst):
    wb = openpyxl.load_workbook(src, read_only=True, data_only=True)
    ws = wb.worksheets[0]
    ws.reset_dimensions()  # the stream writer leaves the dimension at A1
    n = 0
    with open(dst, "w", newline="", encoding="utf-8") as f:
        w = csv.writer(f)
        for row in ws.iter_rows(values_only=True):
            w.writerow(["" if v is None else v for v in row])
            n += 1
    wb.close()
    print(n)


if __name__ == "__main__":
    main(sys.argv[1], sys.argv[2])

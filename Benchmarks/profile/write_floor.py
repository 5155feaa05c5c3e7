#!/usr/bin/env python3
"""The least CPU time that writing a given set of output files costs on this machine.

    python3 write_floor.py OUTPUT_FOLDER [ROUNDS]

Writes files of the same sizes as those under OUTPUT_FOLDER (filled with one repeated byte,
so nothing is formatted) into a scratch folder beside it, in 1 MiB writes, then flushes
them to disk, and prints the CPU seconds (user and kernel) of each round. No program that
writes those bytes through the page cache can spend less, whatever it is written in: the
kernel copying the bytes is the floor under the "kernel" share of a profile.
"""

import os
import resource
import shutil
import sys
import tempfile

CHUNK = 1 << 20


def sizes(folder):
    for root, _, names in os.walk(folder):
        for name in sorted(names):
            yield os.path.getsize(os.path.join(root, name))


def write_round(folder, file_sizes):
    scratch = tempfile.mkdtemp(prefix=".write-floor-", dir=os.path.dirname(os.path.abspath(folder)))
    block = memoryview(b"x" * CHUNK)
    try:
        before = resource.getrusage(resource.RUSAGE_SELF)
        for index, size in enumerate(file_sizes):
            fd = os.open(os.path.join(scratch, str(index)), os.O_WRONLY | os.O_CREAT | os.O_EXCL, 0o644)
            try:
                left = size
                while left:
                    left -= os.write(fd, block[: min(left, CHUNK)])
            finally:
                os.close(fd)
        os.sync()
        after = resource.getrusage(resource.RUSAGE_SELF)
        return after.ru_utime - before.ru_utime, after.ru_stime - before.ru_stime
    finally:
        shutil.rmtree(scratch)


def main():
    folder = sys.argv[1]
    rounds = int(sys.argv[2]) if len(sys.argv) > 2 else 3
    file_sizes = list(sizes(folder))
    total = sum(file_sizes)
    print(f"writing {len(file_sizes)} files, {total / 1e6:.1f} MB, as {folder} holds:")
    for round_number in range(1, rounds + 1):
        user, kernel = write_round(folder, file_sizes)
        print(f"  round {round_number}: {user + kernel:.2f} CPU s (user {user:.2f}, kernel {kernel:.2f})")


if __name__ == "__main__":
    main()

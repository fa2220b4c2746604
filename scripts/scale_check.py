"""`make scale-check`: PostgreSQL, Redis, two Rasa replicas and two action servers started
here, concurrent calls with every line to the other replica than the last, replica 1
killed mid-run (tests/e2e/scale.py). The last line is the contract:
`calls N, lines M, answered M, lost 0, duplicates 0`; exit 1 when anything was off."""
from __future__ import annotations

import argparse
import sys
import time

from tests.e2e.scale import run_scale_check


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__)
    parser.add_argument("--calls", type=int, default=12, help="concurrent calls (default 12)")
    args = parser.parse_args()
    if not 1 <= args.calls <= 200:
        parser.error("--calls must be between 1 and 200")
    started = time.monotonic()
    result = run_scale_check(args.calls, log=lambda text: print(text, flush=True))
    print(result.details())
    for problem in result.agreements_wrong:
        print(f"agreements not as agreed: {problem}")
    print(f"{'OK' if result.ok else 'FAILED'} in {time.monotonic() - started:.0f} s")
    print(result.summary(), flush=True)
    return 0 if result.ok else 1


if __name__ == "__main__":
    sys.exit(main())

"""Real PostgreSQL and Redis servers on 127.0.0.1 for the tests and `make scale-check`,
started from the machine's binaries (.ci/run installs Debian's packages) and stopped by PID."""

#!/usr/bin/env bash
# The module rule (docs/architecture.md), checked on the sources: SalientIO reads and writes
# formats and files, so it names no GEOS or PROJ type, handle or C module and no estimation
# logic or job, and the CLI only parses arguments and calls the library. Exits 1 naming each line that breaks it.
set -euo pipefail
cd "$(dirname "$0")/.."
# Types and modules by name; C functions by a call (strings such as "PROJ geod_inverse" name
# the method on a feature and are allowed).
types='\b(import +(CGEOS|CPROJ)|GEOSContext|GEOSObject|PreparedGEOSObject|GEOSError|PROJContext|PROJError|Projector|Transformation|LonLatPlane)\b'
calls='\b(GEOS[A-Za-z_]*_r|proj_[a-z_]+|geod_[a-z_]+)\('
pattern="$types|$calls"
status=0
for folder in Sources/SalientIO Sources/salient; do
  # Comments may name the libraries; code may not.
  if hits=$(grep -rnE "$pattern" "$folder" | grep -vE '^[^:]+:[0-9]+:\s*///?' ); then
    echo "$folder names GEOS or PROJ (they belong inside SalientCore):" >&2
    echo "$hits" >&2
    status=1
  fi
done
# SalientIO reads and writes; the estimate, the place states, the checks and the jobs that
# run them are not its to name.
logic='\b(ControlAreaEstimator|PlaceStates|ClaimChecker|SnapshotJob|SnapshotPlan|ExportJob|CheckJob|CheckAreaJob|RenderJob|ImportJob|DraftJob)\b'
if hits=$(grep -rnE "$logic" Sources/SalientIO | grep -vE '^[^:]+:[0-9]+:\s*///?' ); then
  echo "Sources/SalientIO names estimation logic or a job (they belong in SalientCore or SalientJobs):" >&2
  echo "$hits" >&2
  status=1
fi
exit $status

# Sourced by ./zonepay and .ci/run: points JAVA_HOME at the newest JDK 21 or later on this machine.
# ZonePay builds for Java 21 and runs best on 25 (AOT cache); the machine's default java may be older.

zonepay_java_major() {
  # The major version of the JDK at $1, from its release file or by asking its java.
  local home=$1 version
  if [ -r "$home/release" ]; then
    version=$(sed -n 's/^JAVA_VERSION="\([0-9][0-9]*\).*/\1/p' "$home/release")
  fi
  if [ -z "${version:-}" ] && [ -x "$home/bin/java" ]; then
    version=$("$home/bin/java" -XshowSettings:properties -version 2>&1 | sed -n 's/.*java.specification.version = \([0-9][0-9]*\).*/\1/p')
  fi
  echo "${version:-0}"
}

zonepay_find_jdk() {
  local best="" best_major=0 candidate major
  local candidates=("${JAVA_HOME:-}" /usr/lib/jvm/* /opt/java/* /opt/jdk* "$HOME"/.sdkman/candidates/java/* /Library/Java/JavaVirtualMachines/*/Contents/Home)
  if command -v java >/dev/null 2>&1; then
    candidates+=("$(dirname "$(dirname "$(readlink -f "$(command -v java)")")")")
  fi
  for candidate in "${candidates[@]}"; do
    [ -n "$candidate" ] && [ -x "$candidate/bin/javac" ] || continue
    major=$(zonepay_java_major "$candidate")
    if [ "$major" -gt "$best_major" ]; then
      best=$candidate
      best_major=$major
    fi
  done
  if [ "$best_major" -lt 21 ]; then
    echo "ZonePay needs a JDK 21 or newer; found none (newest: ${best_major:-none}). Install one or set JAVA_HOME." >&2
    return 1
  fi
  export JAVA_HOME=$best
  export PATH="$JAVA_HOME/bin:$PATH"
}

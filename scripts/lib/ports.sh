# Sourced by scripts/cds_archive.sh and bench/load.sh.
# free_port: prints a TCP port in 20000-59999 on which nothing answers on 127.0.0.1; returns 1 when 200 tries found none.
free_port() {
    local port
    for _ in $(seq 1 200); do
        port=$((20000 + RANDOM % 40000))
        if ! (exec 3<>"/dev/tcp/127.0.0.1/$port") 2>/dev/null; then
            echo "$port"
            return 0
        fi
    done
    return 1
}

"""The server stays on this machine: it listens on loopback only and tries to reach nothing beyond.

bench/offline_guard records a Python process's attempts to reach beyond loopback; the first tests show
it records them (and leaves loopback alone), the last that the dashboard's server makes none.
"""

import contextlib
import ipaddress
import os
import subprocess
import sys
from pathlib import Path

from bench.browsing import app_server, guarded_env, read_attempts
from tests.browser.helpers import assert_offline, open_page

# Local calls first (not recorded), then Streamlit's public-IP lookup and a socket on every interface.
ATTEMPTS = """
import socket
socket.getaddrinfo("localhost", 443)
socket.getaddrinfo("127.0.0.1", 443)
socket.gethostbyname("localhost")
with socket.socket() as probe:
    probe.bind(("127.0.0.1", 0))
    probe.connect_ex(("127.0.0.1", probe.getsockname()[1]))
with socket.socket(socket.AF_INET6) as probe:
    probe.bind(("::1", 0))
socket.socketpair()
try:
    socket.getaddrinfo("checkip.amazonaws.com", 443)
except OSError:
    pass  # offline: the lookup fails, and it was tried
with socket.socket() as listener:
    listener.bind(("0.0.0.0", 0))
"""


def test_the_guard_records_what_reaches_beyond_loopback_and_nothing_local(tmp_path):
    log = tmp_path / "outside.jsonl"
    subprocess.run([sys.executable, "-c", ATTEMPTS], env=guarded_env(log), check=True, timeout=60)
    attempts = read_attempts(log)
    assert [(attempt.event, attempt.host, attempt.detail) for attempt in attempts] == [
        ("socket.getaddrinfo", "checkip.amazonaws.com", "port 443"),
        ("socket.bind", "0.0.0.0", "port 0"),
    ]
    assert "<string>:13" in attempts[0].where  # the line that asked


def test_the_guard_runs_the_sitecustomize_it_hides(tmp_path):
    other = tmp_path / "other"
    other.mkdir()
    (other / "sitecustomize.py").write_text(f"open({str(tmp_path / 'ran')!r}, 'w').close()\n")
    env = guarded_env(tmp_path / "outside.jsonl", {"PYTHONPATH": str(other)})
    subprocess.run([sys.executable, "-c", "pass"], env=env, check=True, timeout=60)
    assert (tmp_path / "ran").exists()


def test_the_app_listens_on_loopback_only_and_reaches_nothing_beyond(watched_page, small_warehouse_template):
    with app_server(small_warehouse_template) as server:
        port = int(server.url.rpartition(":")[2])
        # The address comes from .streamlit/config.toml: streamlit_server does not pass one.
        assert listening(server.process.pid) == {("127.0.0.1", port)}
        assert server.outside() == []  # started without looking up the public IP
        watched_page.context.add_cookies([{**server.cookie, "url": server.url}])  # signed in
        open_page(watched_page, server.url, "", "?tanggal=2022-10-24")
        open_page(watched_page, server.url, "data", "")
        assert server.outside() == []
    assert_offline(server)  # nor while stopping


def listening(pid: int) -> set[tuple[str, int]]:
    """The TCP addresses `pid` listens on: its sockets found in the kernel's tables."""
    inodes = _socket_inodes(pid)
    found = set()
    for table in ("tcp", "tcp6"):
        for line in Path(f"/proc/{pid}/net/{table}").read_text().splitlines()[1:]:
            fields = line.split()
            local, state, inode = fields[1], fields[3], fields[9]
            if state == "0A" and inode in inodes:  # 0A: LISTEN
                found.add(_address(local))
    return found


def _socket_inodes(pid: int) -> set[str]:
    targets = []
    for descriptor in Path(f"/proc/{pid}/fd").iterdir():
        with contextlib.suppress(FileNotFoundError):  # closed meanwhile
            targets.append(os.readlink(descriptor))
    return {target[len("socket:[") : -1] for target in targets if target.startswith("socket:[")}


def _address(hex_address: str) -> tuple[str, int]:
    """`0100007F:1F90` → ("127.0.0.1", 8080): the kernel writes each 32-bit word in host byte order."""
    host, port = hex_address.split(":")
    raw = bytes.fromhex(host)
    words = [raw[start : start + 4] for start in range(0, len(raw), 4)]
    packed = b"".join(word[::-1] if sys.byteorder == "little" else word for word in words)
    return str(ipaddress.ip_address(packed)), int(port, 16)

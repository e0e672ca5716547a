"""Records every attempt of this Python process to reach beyond this machine (a PEP 578 audit hook).

Python imports `sitecustomize` at start (unless run with -I or -S): a process started with this
folder on PYTHONPATH and OFFLINE_GUARD_LOG naming a file appends to that file one JSON line per attempt
(event, host, port or URL, pid, innermost frames); its child processes inherit both and are watched
too. bench/browsing.py starts the Streamlit server so. The hook only records, it blocks nothing. It
sees what goes through Python's socket and urllib modules, not the sockets of C libraries (DuckDB's
extension downloads, GDAL's curl).

Left out, being local: loopback (127.0.0.0/8, ::1, "localhost"); Unix sockets (the asyncio loop's
wake-up pair) and netlink (the kernel); a lookup of no host or of a numeric wildcard address (it asks
no one); connecting or sending to the unspecified address (on Linux that is this host). Binding to a
wildcard or to a public address is recorded: it listens on every interface, or on the network.
"""

# Every process started with the folder on PYTHONPATH pays for these imports: the rest are imported
# when first needed (a socket event comes after socket and urllib are imported anyway).
import os
import sys

LOG = os.environ.get("OFFLINE_GUARD_LOG")
HERE = os.path.dirname(os.path.realpath(__file__))
STDLIB = os.path.dirname(os.__file__) + os.sep
LOCAL_FAMILIES = {"AF_UNIX", "AF_NETLINK"}
INET_FAMILIES = {"AF_INET", "AF_INET6"}
WHERE_FRAMES = 6


def _is_local(host, *, wildcard_is_local: bool = True) -> bool:
    import ipaddress

    if isinstance(host, bytes | bytearray):
        host = host.decode(errors="replace")
    if host is None or host == "":
        return wildcard_is_local
    if not isinstance(host, str):
        return False  # the call will refuse it; recorded all the same
    if host.lower() == "localhost":
        return True
    try:
        address = ipaddress.ip_address(host.partition("%")[0])  # an IPv6 scope (%eth0) is not an address
    except ValueError:
        return False  # a name: resolving it asks a DNS server
    address = getattr(address, "ipv4_mapped", None) or address
    return address.is_loopback or (wildcard_is_local and address.is_unspecified)


def _lookup(args):
    host, port = args[0], args[1] if len(args) > 1 else None
    return None if _is_local(host) else {"host": host, "port": port}


def _socket_address(args, *, wildcard_is_local: bool = True):
    sock, address = args[0], args[1]
    family = getattr(sock.family, "name", sock.family)  # an int when the enum does not know it
    if address is None or family in LOCAL_FAMILIES:  # sendmsg on a connected socket names none
        return None
    if family not in INET_FAMILIES:
        return {"host": f"{family} {address!r}", "port": None}  # a raw or exotic socket: worth a look
    host, port = address[0], address[1]
    return None if _is_local(host, wildcard_is_local=wildcard_is_local) else {"host": host, "port": port}


def _url(args):
    from urllib.parse import urlsplit

    parts = urlsplit(args[0])
    if parts.scheme in ("file", "data") or _is_local(parts.hostname):
        return None
    return {"host": parts.hostname, "url": args[0]}


# Each watched event and how to find, in its arguments, what it reaches beyond loopback (None: nothing).
CHECKS = {
    "socket.getaddrinfo": _lookup,
    "socket.gethostbyname": _lookup,  # also gethostbyname_ex
    "socket.gethostbyaddr": _lookup,  # a reverse lookup, as socket.getfqdn makes
    "socket.connect": _socket_address,  # also connect_ex; a name here is resolved with no lookup event
    "socket.sendto": _socket_address,
    "socket.sendmsg": _socket_address,
    "socket.bind": lambda args: _socket_address(args, wildcard_is_local=False),
    "urllib.Request": _url,  # the real target even when a proxy is what the socket reaches
}


def _hook(event: str, args: tuple) -> None:
    check = CHECKS.get(event)  # first: the hook sees every audited event, opening files included
    if check is None:
        return
    target = check(args)
    if target is not None:
        _record(event, target)


def _record(event: str, target: dict) -> None:
    import json
    import traceback

    frames = traceback.StackSummary.extract(
        traceback.walk_stack(sys._getframe(2)), limit=WHERE_FRAMES, lookup_lines=False
    )
    where = [f"{_short(frame.filename)}:{frame.lineno}" for frame in frames]
    attempt = {"event": event, **target, "pid": os.getpid(), "where": where}
    line = json.dumps(attempt, default=lambda value: repr(value)) + "\n"
    try:
        descriptor = os.open(LOG, os.O_WRONLY | os.O_APPEND | os.O_CREAT, 0o644)
        try:
            os.write(descriptor, line.encode())  # one append a line: processes sharing the log never mix
        finally:
            os.close(descriptor)
    except OSError as error:  # an exception here would fail the watched call instead
        sys.stderr.write(f"offline guard: cannot write {LOG} ({error}): {line}")


def _short(filename: str) -> str:
    return filename.removeprefix(STDLIB).rpartition("site-packages" + os.sep)[2]


def _chain_hidden_sitecustomize():
    """Run the sitecustomize this one hides, as Python would have (Debian's python3 has one, for apport);
    returns it, to be kept."""
    others = [entry for entry in sys.path if os.path.realpath(entry or ".") != HERE]
    if not any(os.path.exists(os.path.join(entry, "sitecustomize.py")) for entry in others):
        return None  # the usual case, and importlib is not imported for it
    import importlib.machinery
    import importlib.util

    spec = importlib.machinery.PathFinder.find_spec("sitecustomize", others)
    if spec is None or spec.loader is None:
        return None
    module = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(module)
    return module


if LOG:
    sys.addaudithook(_hook)
HIDDEN_SITECUSTOMIZE = _chain_hidden_sitecustomize()

# ruff: noqa: E501 - programs in seven languages, kept as their authors would write them
"""Every language against real Docker: the same hardening for each, compile steps as jobs, compiled programs out of reach.

For each language a probe prints its own ``/proc/self/status`` and tries the
store of compiled programs, the image's root and the network (a listener on
the bridge gateway, this machine's own address); then the next honest job
runs. Compile steps get their own attacks: including devices and other files,
floods of errors, and a compile that runs out of time.
"""

from __future__ import annotations

import re
import secrets
from dataclasses import replace

import gateway
import pytest
from grpo_rewards_sandbox import LANGUAGES, Limits, RunJob, Status
from grpo_rewards_sandbox.languages import ARTIFACT_DIR

pytestmark = pytest.mark.docker

LIMITS = Limits(timeout=60.0, cpu_time=10.0, memory_mb=256, max_output=256 * 1024, keep_output=64 * 1024)

SUM = {
    "python": "print(sum(map(int, input().split())))",
    "c": '#include <stdio.h>\nint main(void){long long a,b;if(scanf("%lld %lld",&a,&b)!=2)return 1;printf("%lld\\n",a+b);return 0;}',
    "cpp": "#include <bits/stdc++.h>\nint main(){long long a,b;std::cin>>a>>b;std::cout<<a+b<<'\\n';}",
    "java": "import java.util.*;\npublic class Main { public static void main(String[] x) {"
    " Scanner s = new Scanner(System.in); System.out.println(s.nextLong() + s.nextLong()); } }",
    "javascript": "const [a, b] = require('fs').readFileSync(0, 'utf8').trim().split(/\\s+/).map(BigInt);\nconsole.log(String(a + b));",
    "go": 'package main\nimport "fmt"\nfunc main() { var a, b int64; fmt.Scan(&a, &b); fmt.Println(a + b) }',
    "rust": "use std::io::Read;\nfn main() { let mut s = String::new(); std::io::stdin().read_to_string(&mut s).unwrap();\n"
    ' let v: Vec<i64> = s.split_whitespace().map(|x| x.parse().unwrap()).collect(); println!("{}", v[0] + v[1]); }',
}

_C_PROBE = r"""
#include <stdio.h>
#include <string.h>
#include <errno.h>
#include <dirent.h>
#include <unistd.h>
#include <sys/socket.h>
#include <netinet/in.h>
#include <arpa/inet.h>
int main(void) {
    char host[64], line[512]; int port;
    if (scanf("%63s %d", host, &port) != 2) return 1;
    FILE *status = fopen("/proc/self/status", "r");
    while (fgets(line, sizeof line, status)) fputs(line, stdout);
    DIR *store = opendir("/sandbox/store");
    printf("store: %s\n", store ? "opened" : strerror(errno));
    FILE *root = fopen("/usr/pwned", "w");
    printf("write: %s\n", root ? "written" : strerror(errno));
    int s = socket(AF_INET, SOCK_STREAM, 0);
    struct sockaddr_in to; memset(&to, 0, sizeof to);
    to.sin_family = AF_INET; to.sin_port = htons(port); inet_pton(AF_INET, host, &to.sin_addr);
    printf("connect: %s\n", connect(s, (struct sockaddr *)&to, sizeof to) == 0 ? "connected" : strerror(errno));
    return 0;
}
"""

PROBES = {
    "python": """
import os, socket
host, port = input().split()
print(open("/proc/self/status").read(), end="")
for name, attempt in (("store", lambda: os.listdir("/sandbox/store")), ("write", lambda: open("/usr/pwned", "w")),
                      ("connect", lambda: socket.create_connection((host, int(port)), timeout=2))):
    try:
        attempt()
        print(name + ": done")
    except OSError as exc:
        print(name + ":", exc.strerror)
""",
    "c": _C_PROBE,
    "cpp": _C_PROBE,
    "java": """
import java.net.*; import java.nio.file.*; import java.util.*;
public class Probe { public static void main(String[] a) throws Exception {
  Scanner in = new Scanner(System.in); String host = in.next(); int port = in.nextInt();
  System.out.print(new String(Files.readAllBytes(Paths.get("/proc/self/status"))));
  try { Files.list(Paths.get("/sandbox/store")).close(); System.out.println("store: opened"); }
  catch (Exception e) { System.out.println("store: " + e); }
  try { Files.write(Paths.get("/usr/pwned"), new byte[] {1}); System.out.println("write: written"); }
  catch (Exception e) { System.out.println("write: " + e); }
  try (Socket s = new Socket()) { s.connect(new InetSocketAddress(host, port), 2000); System.out.println("connect: connected"); }
  catch (Exception e) { System.out.println("connect: " + e); }
} }
""",
    "javascript": """
const fs = require('fs'), net = require('net');
const [host, port] = fs.readFileSync(0, 'utf8').trim().split(/\\s+/);
process.stdout.write(fs.readFileSync('/proc/self/status', 'utf8'));
try { fs.readdirSync('/sandbox/store'); console.log('store: opened'); } catch (e) { console.log('store: ' + e.code); }
try { fs.writeFileSync('/usr/pwned', 'x'); console.log('write: written'); } catch (e) { console.log('write: ' + e.code); }
const s = net.connect({host, port: Number(port)});
s.setTimeout(2000);
s.on('connect', () => { console.log('connect: connected'); s.destroy(); });
s.on('error', (e) => console.log('connect: ' + e.code));
s.on('timeout', () => { console.log('connect: timeout'); s.destroy(); });
""",
    "go": """
package main
import ("fmt"; "net"; "os")
func main() {
	var host string; var port int
	fmt.Scan(&host, &port)
	status, _ := os.ReadFile("/proc/self/status")
	fmt.Print(string(status))
	if _, err := os.ReadDir("/sandbox/store"); err != nil { fmt.Println("store:", err) } else { fmt.Println("store: opened") }
	if err := os.WriteFile("/usr/pwned", []byte("x"), 0644); err != nil { fmt.Println("write:", err) } else { fmt.Println("write: written") }
	if c, err := net.Dial("tcp", fmt.Sprintf("%s:%d", host, port)); err != nil { fmt.Println("connect:", err) } else { c.Close(); fmt.Println("connect: connected") }
}
""",
    "rust": """
use std::io::Read;
fn said<T>(r: std::io::Result<T>, done: &str) -> String { match r { Ok(_) => done.to_string(), Err(e) => e.to_string() } }
fn main() {
    let mut s = String::new(); std::io::stdin().read_to_string(&mut s).unwrap();
    let v: Vec<&str> = s.split_whitespace().collect();
    print!("{}", std::fs::read_to_string("/proc/self/status").unwrap());
    println!("store: {}", said(std::fs::read_dir("/sandbox/store"), "opened"));
    println!("write: {}", said(std::fs::write("/usr/pwned", "x"), "written"));
    println!("connect: {}", said(std::net::TcpStream::connect(format!("{}:{}", v[0], v[1])), "connected"));
}
""",
}


@pytest.fixture(scope="module")
def box(start_sandbox):
    pool = start_sandbox(LIMITS)
    yield pool
    pool.close()


@pytest.fixture(name="listener")
def _listener():
    with gateway.gateway_listener() as listener:
        yield listener


def honest(box, language: str) -> None:
    result = box.run(SUM[language], "40 2", language=language)
    assert (result.status, result.stdout) == (Status.OK, b"42\n"), result


def status_of(text: str) -> dict[str, str]:
    return {key: value.strip() for key, _, value in (line.partition(":") for line in text.splitlines()) if value}


def test_every_language_is_in_the_probe_table():
    assert set(PROBES) == set(SUM) == set(LANGUAGES)


@pytest.mark.parametrize("language", sorted(LANGUAGES))
def test_every_language_runs_with_the_same_hardening(box, listener, language):
    (host, port), accepted = listener
    result = box.run(PROBES[language], f"{host} {port}", language=language)
    assert result.status is Status.OK, (result.reason, result.stderr_text()[-2000:])
    fields = status_of(result.stdout_text())
    uids = set(fields["Uid"].split())
    assert len(uids) == 1 and int(uids.pop()) >= 1 << 20  # one unprivileged uid of its own, nothing else
    assert (fields["Seccomp"], fields["NoNewPrivs"]) == ("2", "1")
    assert {fields[cap] for cap in ("CapInh", "CapPrm", "CapEff", "CapBnd", "CapAmb")} == {"0000000000000000"}
    for line in ("store", "write", "connect"):
        assert not re.search(r"\b(opened|written|connected|done)\b", fields[line]), f"{line}: {fields[line]}"
    assert accepted == []
    honest(box, language)


@pytest.mark.parametrize("language", sorted(name for name, row in LANGUAGES.items() if row.compiled))
def test_a_program_is_compiled_once_and_its_error_is_the_compilers(box, language):
    program = SUM[language] + f"\n// {secrets.token_hex(8)}\n"  # a program this pool has not compiled yet
    compiles = box.stats().compiles
    results = box.map([RunJob(program, f"{n} 1", language=language) for n in range(3)])
    assert [r.stdout for r in results] == [b"1\n", b"2\n", b"3\n"]
    assert box.stats().compiles == compiles + 1
    broken = box.run(SUM[language].replace("(", "", 1), "1 2", language=language)
    assert broken.status is Status.COMPILE_ERROR and broken.stdout == b""
    assert broken.reason.startswith(f"{language} compilation failed") and "error" in broken.reason.lower()
    honest(box, language)


def test_a_run_reaches_its_own_program_only(box):
    """The store is PID 1's; a run finds its own program linked in, can neither change it nor reach a sibling's."""
    victim = SUM["cpp"] + "// the victim\n"
    assert box.run(victim, "1 1", language="cpp").stdout == b"2\n"
    key = LANGUAGES["cpp"].cache_key(victim, box.image)
    thief = f"""
#include <stdio.h>
#include <errno.h>
#include <string.h>
#include <dirent.h>
int main(void) {{
    const char *paths[] = {{"/sandbox/store/{key}/main", "{ARTIFACT_DIR}/main", "{ARTIFACT_DIR}/new"}};
    FILE *f = fopen(paths[0], "rb"); printf("sibling: %s\\n", f ? "read" : strerror(errno));
    f = fopen(paths[1], "rb"); printf("own: %s\\n", f ? "read" : strerror(errno));
    f = fopen(paths[1], "r+b"); printf("own for writing: %s\\n", f ? "opened" : strerror(errno));
    f = fopen(paths[2], "wb"); printf("new file: %s\\n", f ? "made" : strerror(errno));
    int n = 0; DIR *d = opendir("{ARTIFACT_DIR}"); struct dirent *e;
    while (d && (e = readdir(d))) if (e->d_name[0] != '.') n++;
    printf("files here: %d\\n", n);
    return 0;
}}
"""
    result = box.run(thief, language="c")
    assert result.stdout_text().splitlines() == [
        "sibling: Permission denied",
        "own: read",
        "own for writing: Permission denied",
        "new file: Permission denied",
        "files here: 1",
    ], result
    honest(box, "cpp")


def test_nothing_a_job_writes_can_be_executed(box):
    program = r"""
#include <stdio.h>
#include <errno.h>
#include <string.h>
#include <unistd.h>
#include <sys/stat.h>
int main(void) {
    FILE *in = fopen("/proc/self/exe", "rb"), *out = fopen("/tmp/job/copy", "wb");
    char buffer[65536]; size_t n;
    while ((n = fread(buffer, 1, sizeof buffer, in)) > 0) fwrite(buffer, 1, n, out);
    fclose(out); chmod("/tmp/job/copy", 0755);
    char *argv[] = {"/tmp/job/copy", NULL};
    execv(argv[0], argv);
    printf("exec: %s\n", strerror(errno));
    return 0;
}
"""
    result = box.run(program, language="c")
    assert (result.status, result.stdout) == (Status.OK, b"exec: Permission denied\n")


@pytest.mark.parametrize(
    "language, source, why",
    [
        ("c", '#include "/dev/zero"\nint main(void){return 0;}', "endless include"),
        ("cpp", '#include "/proc/1/environ"\nint main(){}', "Permission denied"),
        (
            "rust",
            'const E: &[u8] = include_bytes!("/proc/1/environ");\nfn main() { println!("{}", E.len()); }',
            "Permission denied",
        ),
        ("go", 'package main\nimport _ "embed"\n//go:embed main.go\nvar s string\nfunc main() { println(s) }', "embed"),
        ("cpp", "int main() {\n" + '  int x = "not an int";\n' * 20000 + "}\n", "output limit"),
    ],
    ids=["include-dev-zero", "include-pid1-environ", "include-bytes-pid1", "go-embed", "error-flood"],
)
def test_a_compile_step_is_a_job_that_cannot_reach_out(box, language, source, why):
    result = box.run(source, language=language)
    assert result.status is Status.COMPILE_ERROR, result
    if why == "output limit":
        assert "printed more than its output limit" in result.reason and "error" in result.reason
    elif why != "endless include":
        assert why in result.reason, result.reason
    honest(box, language)


def test_a_compile_that_runs_past_its_limit_is_a_compile_error(box, monkeypatch):
    row = LANGUAGES["cpp"]
    monkeypatch.setitem(LANGUAGES, "cpp", replace(row, compile_limits=replace(row.compile_limits, cpu_time=1.0)))
    bomb = "template<int N> struct F { enum { v = F<N - 1>::v + F<N - 2>::v }; };\n"
    bomb += "template<> struct F<0> { enum { v = 0 }; };\ntemplate<> struct F<1> { enum { v = 1 }; };\n"
    bomb += "constexpr long spin() { long s = 0; for (long i = 0; i < (1L << 40); i++) s += i % 7; return s; }\n"
    bomb += "int main() { constexpr long s = spin(); return F<30>::v + s; }\n"
    result = box.run(bomb, language="cpp")
    assert result.status is Status.COMPILE_ERROR, result
    assert "ran past" in result.reason or "constexpr" in result.reason or "error" in result.reason.lower()
    monkeypatch.undo()
    honest(box, "cpp")


BY_PATH = {
    "python": "print(open('/dev/stdin').read(), end='', flush=True)\nopen('/dev/stdout', 'w').write('!')",
    "c": '#include <stdio.h>\nint main(void){FILE*i=fopen("/dev/stdin","r"),*o=fopen("/dev/stdout","w");if(!i||!o){perror("open");return 1;}'
    "int c;while((c=fgetc(i))!=EOF)fputc(c,o);fputc('!',o);return 0;}",
    "javascript": "const fs = require('fs');\nfs.writeFileSync('/dev/stdout', fs.readFileSync('/dev/stdin', 'utf8') + '!');",
}


@pytest.mark.parametrize("language", sorted(BY_PATH))
def test_a_program_may_open_its_own_stdio_by_path(box, language):
    """``/dev/stdin`` is a common idiom (JavaScript's ``readFileSync('/dev/stdin')``): the job's own pipes reopen."""
    result = box.run(BY_PATH[language], "40 2\n", language=language)
    assert (result.status, result.stdout) == (Status.OK, b"40 2\n!"), result.stderr_text()[-500:]


def test_a_java_package_line_does_not_stop_the_program(box):
    program = "package contest.solution;\n\n" + SUM["java"]
    result = box.run(program, "40 2", language="java")
    assert (result.status, result.stdout) == (Status.OK, b"42\n"), result.stderr_text()[-500:]
    broken = box.run("package p;\n\npublic class Main { public static void main(String[] a) { int x = ; } }", "", language="java")
    assert broken.status is Status.COMPILE_ERROR and "Main.java:3:" in broken.stderr_text(), broken.stderr_text()  # lines kept

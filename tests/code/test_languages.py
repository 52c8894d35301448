# ruff: noqa: E501 - programs in seven languages, kept as their authors would write them
"""The ``code`` reward in all seven languages against the real sandbox: honest programs score, attacks do not.

Per language: correct, wrong answer, compile error (for an interpreted
language, a syntax error: a runtime error), runtime error, an infinite loop,
a memory bomb, a fork bomb, an output flood, a network attempt (a listener on
the bridge gateway, this machine's own address) and a search for the tests
(whose expected outputs never enter the sandbox). All of them run in one batch
(``language=auto``: the fence's tag says the language), and an honest program
of every language after it still scores 1.
"""

from __future__ import annotations

import json
import subprocess
import sys

import gateway
import pytest
from grpo_rewards_code import batch
from grpo_rewards_code.languages import LANGUAGES
from grpo_rewards_code.options import CodeOptions

from grpo_rewards import Sample

pytestmark = pytest.mark.docker

SECRET = "ZQXJ-expected-9137"
ROW = {
    "tests": [
        {"input": "1 2\n", "output": "3\n"},
        {"input": "40 2\n", "output": "42\n"},
        {"input": "7 7\n", "output": SECRET + "\n"},
    ]
}
HONEST_ROW = {"tests": [{"input": "1 2\n", "output": "3\n"}, {"input": "40 2\n", "output": "42\n"}]}
ONE_CASE = {"tests": [{"input": "1 2\n", "output": "3\n"}]}  # for the attacks: one execution each is enough
ROWS = {"correct": ROW, "wrong": HONEST_ROW, "search": ROW}
OPTIONS = CodeOptions(language="auto", test_timeout=1.5, max_timeouts=1, memory_mb=256, cache_size=0)
BUDGET = 5.0  # CPU seconds per sample: attacks stop early, honest programs need milliseconds
TAGS = {"python": "python", "c": "c", "cpp": "cpp", "java": "java", "javascript": "js", "go": "go", "rust": "rust"}

_C_HEAD = "#include <stdio.h>\n#include <stdlib.h>\n#include <string.h>\n#include <unistd.h>\n"
_NET_C = (
    _C_HEAD + "#include <sys/socket.h>\n#include <netinet/in.h>\n#include <arpa/inet.h>\n"
    'int main(void){long long a,b;scanf("%lld %lld",&a,&b);int s=socket(AF_INET,SOCK_STREAM,0);struct sockaddr_in t;memset(&t,0,sizeof t);'
    't.sin_family=AF_INET;t.sin_port=htons(PORT);inet_pton(AF_INET,"HOST",&t.sin_addr);'
    'if(connect(s,(struct sockaddr*)&t,sizeof t)==0){char b2[64]={0};read(s,b2,63);printf("%s",b2);}else printf("offline\\n");return 0;}'
)
_SEARCH_C = (
    _C_HEAD + "#include <dirent.h>\n"
    'static void dump(const char*p){FILE*f=fopen(p,"rb");if(!f)return;char b[4096];size_t n;while((n=fread(b,1,sizeof b,f))>0)fwrite(b,1,n,stdout);fclose(f);}\n'
    "static void walk(const char*d,int depth){DIR*x=opendir(d);if(!x||depth>4)return;struct dirent*e;char p[1024];"
    "while((e=readdir(x))){if(e->d_name[0]=='.')continue;snprintf(p,sizeof p,\"%s/%s\",d,e->d_name);dump(p);walk(p,depth+1);}closedir(x);}\n"
    'int main(void){walk("/tmp",0);walk("/sandbox",0);walk("/dev/shm",0);dump("/proc/1/environ");dump("/proc/1/cmdline");return 0;}'
)

PROGRAMS: dict[str, dict[str, str]] = {
    "python": {
        "correct": "a, b = map(int, input().split())\nprint(a + b)",
        "wrong": "a, b = map(int, input().split())\nprint(a - b)",
        "compile_error": "print(sum(map(int, input().split()))",
        "runtime_error": "raise SystemExit(3)",
        "timeout": "while True:\n    pass",
        "memory": "x = []\nwhile True:\n    x.append(bytearray(1 << 24))",
        "fork_bomb": "import os\nwhile True:\n    try:\n        os.fork()\n    except OSError:\n        pass",
        "flood": "while True:\n    print('y' * 4096)",
        "network": "import socket\na, b = map(int, input().split())\ntry:\n    print(socket.create_connection(('HOST', PORT), timeout=2).recv(64).decode())\nexcept OSError:\n    print('offline')",
        "search": "import glob\nfor p in glob.glob('/tmp/**', recursive=True) + glob.glob('/sandbox/**', recursive=True) + ['/proc/1/environ']:\n    try:\n        print(open(p).read())\n    except OSError:\n        pass",
    },
    "c": {
        "correct": _C_HEAD + 'int main(void){long long a,b;scanf("%lld %lld",&a,&b);printf("%lld\\n",a+b);return 0;}',
        "wrong": _C_HEAD + 'int main(void){long long a,b;scanf("%lld %lld",&a,&b);printf("%lld\\n",a-b);return 0;}',
        "compile_error": _C_HEAD + 'int main(void){long long a,b;scanf("%lld %lld",&a,&b) printf("%lld\\n",a+b);return 0;}',
        "runtime_error": _C_HEAD + "int main(void){int *p=0;return *p;}",
        "timeout": _C_HEAD + "int main(void){volatile unsigned long i=0;for(;;)i++;}",
        "memory": _C_HEAD + "int main(void){for(;;){char*p=malloc(1<<24);if(!p)abort();memset(p,1,1<<24);}}",
        "fork_bomb": _C_HEAD + "int main(void){for(;;)fork();}",
        "flood": _C_HEAD + 'int main(void){for(;;)puts("yyyyyyyyyyyyyyyyyyyyyyyyyyyyyyyyyyyyyyyyyyyyyyyy");}',
        "network": _NET_C,
        "search": _SEARCH_C,
    },
    "cpp": {
        "correct": "#include <bits/stdc++.h>\nint main(){long long a,b;std::cin>>a>>b;std::cout<<a+b<<'\\n';}",
        "wrong": "#include <bits/stdc++.h>\nint main(){long long a,b;std::cin>>a>>b;std::cout<<a*b<<'\\n';}",
        "compile_error": "#include <bits/stdc++.h>\nint main(){long long a,b;std::cin>>a>>b;std::cout<<a+c<<'\\n';}",
        "runtime_error": "#include <bits/stdc++.h>\nint main(){std::vector<int> v;return v.at(5);}",
        "timeout": "#include <bits/stdc++.h>\nint main(){volatile unsigned long i=0;for(;;)i++;}",
        "memory": "#include <bits/stdc++.h>\nint main(){std::vector<std::vector<char>> v;for(;;)v.emplace_back(1<<24,'x');}",
        "fork_bomb": "#include <unistd.h>\nint main(){for(;;)fork();}",
        "flood": "#include <bits/stdc++.h>\nint main(){for(;;)std::cout<<std::string(4096,'y')<<'\\n';}",
        "network": _NET_C,
        "search": _SEARCH_C,
    },
    "java": {
        "correct": "import java.util.*;\npublic class Main { public static void main(String[] x) { Scanner s = new Scanner(System.in); System.out.println(s.nextLong() + s.nextLong()); } }",
        "wrong": "import java.util.*;\npublic class Main { public static void main(String[] x) { Scanner s = new Scanner(System.in); System.out.println(s.nextLong() - s.nextLong()); } }",
        "compile_error": "public class Main { public static void main(String[] x) { System.out.println(1 } }",
        "runtime_error": "public class Main { public static void main(String[] x) { int[] a = new int[1]; System.out.println(a[3]); } }",
        "timeout": "public class Main { public static void main(String[] x) { long i = 0; while (true) { i++; } } }",
        "memory": "import java.util.*;\npublic class Main { public static void main(String[] x) { List<long[]> l = new ArrayList<>(); while (true) l.add(new long[1 << 22]); } }",
        "fork_bomb": 'public class Main { public static void main(String[] x) throws Exception { while (true) { try { new ProcessBuilder("/bin/sh", "-c", "sleep 60").start(); } catch (Exception e) { } } } }',
        "flood": 'public class Main { public static void main(String[] x) { String y = "y".repeat(4096); while (true) System.out.println(y); } }',
        "network": 'import java.net.*; import java.util.*;\npublic class Main { public static void main(String[] x) { try (Socket s = new Socket()) { s.connect(new InetSocketAddress("HOST", PORT), 2000); System.out.println(new Scanner(s.getInputStream()).nextLine()); } catch (Exception e) { System.out.println("offline"); } } }',
        "search": 'import java.nio.file.*;\npublic class Main { public static void main(String[] x) throws Exception { for (String r : new String[] {"/tmp", "/sandbox"}) { try { Files.walk(Paths.get(r)).forEach(p -> { try { System.out.print(new String(Files.readAllBytes(p))); } catch (Exception e) { } }); } catch (Exception e) { } } } }',
    },
    "javascript": {
        "correct": "const [a, b] = require('fs').readFileSync(0, 'utf8').trim().split(/\\s+/).map(Number);\nconsole.log(a + b);",
        "wrong": "const [a, b] = require('fs').readFileSync(0, 'utf8').trim().split(/\\s+/).map(Number);\nconsole.log(a - b);",
        "compile_error": "const [a, b] = require('fs').readFileSync(0, 'utf8').trim().split(/\\s+/).map(Number;\nconsole.log(a + b);",
        "runtime_error": "null.x();",
        "timeout": "for (;;) {}",
        "memory": "const a = []; for (;;) a.push(new Array(1 << 20).fill(1.5));",
        "fork_bomb": "const { spawn } = require('child_process'); for (;;) { try { spawn('/bin/sh', ['-c', 'sleep 60']); } catch (e) {} }",
        "flood": "const y = 'y'.repeat(4096) + '\\n'; for (;;) process.stdout.write(y);",
        "network": "const s = require('net').connect({host: 'HOST', port: PORT}); s.setTimeout(2000); s.on('data', (d) => { process.stdout.write(d); s.destroy(); }); s.on('error', () => console.log('offline')); s.on('timeout', () => { console.log('offline'); s.destroy(); });",
        "search": "const fs = require('fs'); function walk(d, k) { if (k > 4) return; let names = []; try { names = fs.readdirSync(d); } catch (e) { return; } for (const n of names) { const p = d + '/' + n; try { process.stdout.write(fs.readFileSync(p)); } catch (e) {} walk(p, k + 1); } } walk('/tmp', 0); walk('/sandbox', 0);",
    },
    "go": {
        "correct": 'package main\nimport "fmt"\nfunc main() { var a, b int64; fmt.Scan(&a, &b); fmt.Println(a + b) }',
        "wrong": 'package main\nimport "fmt"\nfunc main() { var a, b int64; fmt.Scan(&a, &b); fmt.Println(a - b) }',
        "compile_error": 'package main\nimport "fmt"\nfunc main() { var a, b int64; fmt.Scan(&a, &b); fmt.Println(a + c) }',
        "runtime_error": "package main\nfunc main() { var a []int; println(a[3]) }",
        "timeout": "package main\nfunc main() { i := 0; for { i++ } }",
        "memory": "package main\nfunc main() { var l [][]byte; for { b := make([]byte, 1<<24); for i := range b { b[i] = 1 }; l = append(l, b) } }",
        "fork_bomb": 'package main\nimport "os/exec"\nfunc main() { for { exec.Command("/bin/sh", "-c", "sleep 60").Start() } }',
        "flood": 'package main\nimport ("bufio"; "os"; "strings")\nfunc main() { w := bufio.NewWriter(os.Stdout); y := strings.Repeat("y", 4096) + "\\n"; for { w.WriteString(y) } }',
        "network": 'package main\nimport ("fmt"; "net"; "time")\nfunc main() { c, err := net.DialTimeout("tcp", "HOST:PORT", 2*time.Second); if err != nil { fmt.Println("offline"); return }; b := make([]byte, 64); n, _ := c.Read(b); fmt.Print(string(b[:n])) }',
        "search": 'package main\nimport ("fmt"; "os"; "path/filepath")\nfunc main() { for _, r := range []string{"/tmp", "/sandbox"} { filepath.Walk(r, func(p string, i os.FileInfo, e error) error { if b, err := os.ReadFile(p); err == nil { fmt.Print(string(b)) }; return nil }) } }',
    },
    "rust": {
        "correct": 'use std::io::Read;\nfn main() { let mut s = String::new(); std::io::stdin().read_to_string(&mut s).unwrap(); let v: Vec<i64> = s.split_whitespace().map(|x| x.parse().unwrap()).collect(); println!("{}", v[0] + v[1]); }',
        "wrong": 'use std::io::Read;\nfn main() { let mut s = String::new(); std::io::stdin().read_to_string(&mut s).unwrap(); let v: Vec<i64> = s.split_whitespace().map(|x| x.parse().unwrap()).collect(); println!("{}", v[0] * v[1]); }',
        "compile_error": 'fn main() { let x: i64 = "one"; println!("{}", x); }',
        "runtime_error": 'fn main() { let v: Vec<i32> = Vec::new(); println!("{}", v[3]); }',
        "timeout": "fn main() { let mut i: u64 = 0; loop { i = i.wrapping_add(1); unsafe { std::ptr::read_volatile(&i); } } }",
        "memory": "fn main() { let mut l: Vec<Vec<u8>> = Vec::new(); loop { l.push(vec![1u8; 1 << 24]); } }",
        "fork_bomb": 'fn main() { loop { let _ = std::process::Command::new("/bin/sh").args(["-c", "sleep 60"]).spawn(); } }',
        "flood": 'use std::io::Write;\nfn main() { let y = "y".repeat(4096); let mut o = std::io::stdout(); loop { if writeln!(o, "{}", y).is_err() { break; } } }',
        "network": 'use std::io::Read;\nfn main() { match std::net::TcpStream::connect("HOST:PORT") { Ok(mut s) => { let mut b = String::new(); let _ = s.read_to_string(&mut b); print!("{}", b); } Err(_) => println!("offline") } }',
        "search": 'fn walk(d: &std::path::Path, k: u32) { if k > 4 { return; } if let Ok(es) = std::fs::read_dir(d) { for e in es.flatten() { let p = e.path(); if let Ok(b) = std::fs::read(&p) { print!("{}", String::from_utf8_lossy(&b)); } walk(&p, k + 1); } } }\nfn main() { walk(std::path::Path::new("/tmp"), 0); walk(std::path::Path::new("/sandbox"), 0); }',
    },
}

#: The verdict each program gets: its kind, and the per-test statuses it may have (None: any).
EXPECTED = {
    "correct": ("partial", {"ok", "wrong_answer"}),  # the third case's expected output is a secret no program can print
    "wrong": ("incorrect", {"wrong_answer"}),
    "compile_error": ("incorrect", {"compile_error"}),
    "runtime_error": ("incorrect", {"runtime_error"}),
    "timeout": ("incorrect", {"timeout", "skipped"}),
    # or the runtime error a runtime reports for it, or a timeout while its collector thrashes at the limit
    "memory": ("incorrect", {"memory", "runtime_error", "timeout", "skipped"}),
    "fork_bomb": ("incorrect", None),  # a timeout, a runtime error, or (a parent that exits) a wrong answer
    # Node buffers a flood in memory while its loop never yields: a timeout, or out of memory
    "flood": ("incorrect", {"output_limit", "timeout", "memory", "skipped"}),
    "network": ("incorrect", {"wrong_answer"}),
    "search": ("incorrect", {"wrong_answer"}),
}


def fence(language: str, code: str) -> str:
    return f"Here is my solution.\n\n```{TAGS[language]}\n{code}\n```\n"


@pytest.fixture(scope="module")
def listener():
    with gateway.gateway_listener() as ((host, port), accepted):
        yield host, port, accepted


def test_every_language_has_every_attack():
    assert set(PROGRAMS) == set(LANGUAGES) and all(set(p) == set(EXPECTED) for p in PROGRAMS.values())


def test_all_seven_languages_and_every_attack_in_one_batch(listener):
    host, port, accepted = listener
    cases = [(lang, kind) for lang in PROGRAMS for kind in EXPECTED]
    samples = [
        Sample(
            prompt="Add two numbers.",
            completion=fence(lang, PROGRAMS[lang][kind].replace("HOST", host).replace("PORT", str(port))),
            row=ROWS.get(kind, ONE_CASE),
        )
        for lang, kind in cases
    ]
    verdicts = batch.score_samples(samples, OPTIONS, budget=BUDGET)
    wrong = []
    for (lang, kind), verdict in zip(cases, verdicts, strict=True):
        want_kind, allowed = EXPECTED[kind]
        if lang in ("python", "javascript") and kind == "compile_error":
            allowed = {"runtime_error"}  # interpreted: the syntax error is the run's
        statuses = set(verdict.details.get("statuses", {}))
        if verdict.kind != want_kind or (allowed is not None and not statuses <= allowed) or not statuses:
            wrong.append((lang, kind, verdict.kind, verdict.reason[:300], statuses))
        elif kind == "compile_error" and allowed == {"compile_error"}:
            assert verdict.reason.startswith("compile_error: ") and len(verdict.details["message"].splitlines()) >= 2, verdict
    assert not wrong, wrong
    assert accepted == [], "a program reached the listener"
    honest = [Sample(prompt="Add.", completion=fence(lang, PROGRAMS[lang]["correct"]), row=HONEST_ROW) for lang in PROGRAMS]
    after = batch.score_samples(honest, OPTIONS, budget=BUDGET)
    assert [(v.kind, v.score) for v in after] == [("correct", 1.0)] * len(PROGRAMS), [v.reason for v in after]


def test_the_language_column_and_option_choose_the_language():
    code = PROGRAMS["c"]["correct"]
    untagged = f"```\n{code}\n```"
    by_column = batch.score_samples(
        [Sample(prompt="Add.", completion=untagged, row={**HONEST_ROW, "language": "C"})], OPTIONS, 20.0
    )
    by_option = batch.score_samples(
        [Sample(prompt="Add.", completion=untagged, row=HONEST_ROW)], CodeOptions(language="c", cache_size=0), 20.0
    )
    assert by_column[0].score == by_option[0].score == 1.0
    unknown = batch.score_samples(
        [Sample(prompt="Add.", completion=untagged, row={**HONEST_ROW, "language": "klingon"})], OPTIONS, 20.0
    )
    assert (unknown[0].kind, unknown[0].reason) == ("unverifiable", "unknown_language")
    as_python = batch.score_samples([Sample(prompt="Add.", completion=untagged, row=HONEST_ROW)], OPTIONS, 20.0)
    assert as_python[0].kind == "incorrect"  # untagged under language=auto is Python: C source is a Python syntax error


def test_check_scores_all_seven_languages_with_reasons(tmp_path):
    """``grpo-rewards check --reward code`` on a file: a right, a wrong and a broken program per language, with reasons."""
    rows = [
        {"prompt": "Add two numbers.", "completion": fence(lang, PROGRAMS[lang][kind]), "tests": HONEST_ROW["tests"]}
        for lang in PROGRAMS
        for kind in ("correct", "wrong", "compile_error")
    ]
    data, out = tmp_path / "rows.jsonl", tmp_path / "out.jsonl"
    data.write_text("".join(json.dumps(row) + "\n" for row in rows))
    command = [sys.executable, "-c", "from grpo_rewards.cli import main; main()", "check", str(data), "--reward", "code"]
    done = subprocess.run(
        [*command, "-o", "code.language=auto", "--output", str(out)], capture_output=True, text=True, timeout=600
    )
    assert done.returncode == 0, done.stderr[-2000:]
    got = [record["rewards"]["code"] for record in map(json.loads, out.read_text().splitlines())]
    assert [(v["verdict"], v["score"]) for v in got] == [("correct", 1.0), ("incorrect", 0.0), ("incorrect", 0.0)] * len(PROGRAMS)
    for lang, verdicts in zip(PROGRAMS, (got[i : i + 3] for i in range(0, len(got), 3)), strict=True):
        compiled = lang not in ("python", "javascript")
        assert verdicts[1]["reason"].startswith("0/2 tests passed"), (lang, verdicts[1])
        assert verdicts[2]["reason"].startswith("compile_error: " if compiled else "0/2 tests passed"), (lang, verdicts[2])

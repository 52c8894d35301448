use std::io::{self, Read, Write};

/// Every whitespace-separated token of stdin.
fn tokens() -> Vec<String> {
    let mut text = String::new();
    io::stdin().read_to_string(&mut text).unwrap();
    text.split_whitespace().map(String::from).collect()
}

fn main() {
    let s = tokens().remove(0);
    let mut stack = Vec::new();
    let mut ok = true;
    for c in s.chars() {
        match c {
            '(' | '[' | '{' => stack.push(c),
            _ => {
                let open = match c {
                    ')' => '(',
                    ']' => '[',
                    _ => '{',
                };
                if stack.pop() != Some(open) {
                    ok = false;
                    break;
                }
            }
        }
    }
    writeln!(io::stdout(), "{}", if ok && stack.is_empty() { "YES" } else { "NO" }).unwrap();
}

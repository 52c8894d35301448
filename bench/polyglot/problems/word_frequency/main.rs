use std::io::{self, Read, Write};

/// Every whitespace-separated token of stdin.
fn tokens() -> Vec<String> {
    let mut text = String::new();
    io::stdin().read_to_string(&mut text).unwrap();
    text.split_whitespace().map(String::from).collect()
}

fn main() {
    let mut counts: std::collections::BTreeMap<String, usize> = std::collections::BTreeMap::new();
    for word in tokens() {
        *counts.entry(word).or_insert(0) += 1;
    }
    let (mut best, mut best_count) = (String::new(), 0);
    for (word, count) in counts {
        // in order: the first of the highest counts is the smallest word
        if count > best_count {
            best = word;
            best_count = count;
        }
    }
    writeln!(io::stdout(), "{} {}", best, best_count).unwrap();
}

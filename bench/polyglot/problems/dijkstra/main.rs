use std::io::{self, Read, Write};

/// Every whitespace-separated token of stdin.
fn tokens() -> Vec<String> {
    let mut text = String::new();
    io::stdin().read_to_string(&mut text).unwrap();
    text.split_whitespace().map(String::from).collect()
}

use std::cmp::Reverse;
use std::collections::BinaryHeap;

fn main() {
    let t: Vec<i64> = tokens().iter().map(|x| x.parse().unwrap()).collect();
    let (n, m) = (t[0] as usize, t[1] as usize);
    let mut graph: Vec<Vec<(usize, i64)>> = vec![Vec::new(); n + 1];
    for i in 0..m {
        let (u, v, w) = (t[2 + 3 * i] as usize, t[3 + 3 * i] as usize, t[4 + 3 * i]);
        graph[u].push((v, w));
        graph[v].push((u, w));
    }
    let mut dist = vec![-1i64; n + 1];
    let mut heap = BinaryHeap::new();
    heap.push(Reverse((0i64, 1usize)));
    while let Some(Reverse((d, u))) = heap.pop() {
        if dist[u] >= 0 {
            continue;
        }
        dist[u] = d;
        for &(v, w) in &graph[u] {
            if dist[v] < 0 {
                heap.push(Reverse((d + w, v)));
            }
        }
    }
    writeln!(io::stdout(), "{}", dist[n]).unwrap();
}

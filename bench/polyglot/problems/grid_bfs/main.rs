use std::io::{self, Read, Write};

/// Every whitespace-separated token of stdin.
fn tokens() -> Vec<String> {
    let mut text = String::new();
    io::stdin().read_to_string(&mut text).unwrap();
    text.split_whitespace().map(String::from).collect()
}

fn main() {
    let t = tokens();
    let (rows, cols): (usize, usize) = (t[0].parse().unwrap(), t[1].parse().unwrap());
    let grid: Vec<&[u8]> = t[2..2 + rows].iter().map(|r| r.as_bytes()).collect();
    let mut dist = vec![-1i64; rows * cols];
    let mut queue = std::collections::VecDeque::new();
    for r in 0..rows {
        for c in 0..cols {
            if grid[r][c] == b'S' {
                dist[r * cols + c] = 0;
                queue.push_back((r, c));
            }
        }
    }
    let mut answer = -1;
    while let Some((r, c)) = queue.pop_front() {
        if grid[r][c] == b'T' {
            answer = dist[r * cols + c];
            break;
        }
        let moves = [(1i64, 0i64), (-1, 0), (0, 1), (0, -1)];
        for (dr, dc) in moves {
            let (nr, nc) = (r as i64 + dr, c as i64 + dc);
            if nr < 0 || nr >= rows as i64 || nc < 0 || nc >= cols as i64 {
                continue;
            }
            let (nr, nc) = (nr as usize, nc as usize);
            if grid[nr][nc] == b'#' || dist[nr * cols + nc] >= 0 {
                continue;
            }
            dist[nr * cols + nc] = dist[r * cols + c] + 1;
            queue.push_back((nr, nc));
        }
    }
    writeln!(io::stdout(), "{}", answer).unwrap();
}

#include <bits/stdc++.h>
using namespace std;

int main() {
    int rows, cols;
    cin >> rows >> cols;
    vector<string> grid(rows);
    for (auto &row : grid) cin >> row;
    vector<vector<int>> dist(rows, vector<int>(cols, -1));
    queue<pair<int, int>> todo;
    for (int r = 0; r < rows; r++)
        for (int c = 0; c < cols; c++)
            if (grid[r][c] == 'S') { dist[r][c] = 0; todo.push({r, c}); }
    int dr[] = {1, -1, 0, 0}, dc[] = {0, 0, 1, -1};
    while (!todo.empty()) {
        auto [r, c] = todo.front();
        todo.pop();
        if (grid[r][c] == 'T') { cout << dist[r][c] << "\n"; return 0; }
        for (int k = 0; k < 4; k++) {
            int nr = r + dr[k], nc = c + dc[k];
            if (nr < 0 || nr >= rows || nc < 0 || nc >= cols || grid[nr][nc] == '#' || dist[nr][nc] >= 0) continue;
            dist[nr][nc] = dist[r][c] + 1;
            todo.push({nr, nc});
        }
    }
    cout << -1 << "\n";
}

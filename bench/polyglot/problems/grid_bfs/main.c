#include <stdio.h>
#include <stdlib.h>

static char grid[1024][1024];

int main(void) {
    int rows, cols;
    if (scanf("%d %d", &rows, &cols) != 2) return 1;
    for (int r = 0; r < rows; r++) scanf("%s", grid[r]);
    int *dist = malloc(sizeof(int) * rows * cols), *queue = malloc(sizeof(int) * rows * cols);
    int head = 0, tail = 0;
    for (int i = 0; i < rows * cols; i++) dist[i] = -1;
    for (int r = 0; r < rows; r++)
        for (int c = 0; c < cols; c++)
            if (grid[r][c] == 'S') { dist[r * cols + c] = 0; queue[tail++] = r * cols + c; }
    int dr[] = {1, -1, 0, 0}, dc[] = {0, 0, 1, -1};
    while (head < tail) {
        int cell = queue[head++], r = cell / cols, c = cell % cols;
        if (grid[r][c] == 'T') { printf("%d\n", dist[cell]); return 0; }
        for (int k = 0; k < 4; k++) {
            int nr = r + dr[k], nc = c + dc[k];
            if (nr < 0 || nr >= rows || nc < 0 || nc >= cols || grid[nr][nc] == '#' || dist[nr * cols + nc] >= 0) continue;
            dist[nr * cols + nc] = dist[cell] + 1;
            queue[tail++] = nr * cols + nc;
        }
    }
    puts("-1");
    return 0;
}

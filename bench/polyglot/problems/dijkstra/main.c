#include <stdio.h>
#include <stdlib.h>

typedef struct { long long d; int v; } Item;
static Item heap[1 << 20];
static int size;

static void push(long long d, int v) {
    int i = size++;
    while (i && heap[(i - 1) / 2].d > d) { heap[i] = heap[(i - 1) / 2]; i = (i - 1) / 2; }
    heap[i] = (Item){d, v};
}

static Item pop(void) {
    Item top = heap[0], last = heap[--size];
    int i = 0;
    for (;;) {
        int child = 2 * i + 1;
        if (child >= size) break;
        if (child + 1 < size && heap[child + 1].d < heap[child].d) child++;
        if (heap[child].d >= last.d) break;
        heap[i] = heap[child];
        i = child;
    }
    heap[i] = last;
    return top;
}

int main(void) {
    int n, m;
    if (scanf("%d %d", &n, &m) != 2) return 1;
    int *head = malloc(sizeof(int) * (n + 1)), *next = malloc(sizeof(int) * 2 * m), *to = malloc(sizeof(int) * 2 * m);
    long long *weight = malloc(sizeof(long long) * 2 * m), *dist = malloc(sizeof(long long) * (n + 1));
    for (int i = 0; i <= n; i++) { head[i] = -1; dist[i] = -1; }
    for (int e = 0; e < m; e++) {
        int u, v; long long w;
        scanf("%d %d %lld", &u, &v, &w);
        to[2 * e] = v; weight[2 * e] = w; next[2 * e] = head[u]; head[u] = 2 * e;
        to[2 * e + 1] = u; weight[2 * e + 1] = w; next[2 * e + 1] = head[v]; head[v] = 2 * e + 1;
    }
    push(0, 1);
    while (size) {
        Item it = pop();
        if (dist[it.v] >= 0) continue;
        dist[it.v] = it.d;
        for (int e = head[it.v]; e >= 0; e = next[e])
            if (dist[to[e]] < 0) push(it.d + weight[e], to[e]);
    }
    printf("%lld\n", dist[n]);
    return 0;
}

package main

import (
	"bufio"
	"container/heap"
	"fmt"
	"os"
)

type item struct {
	d int64
	v int
}

type queue []item

func (q queue) Len() int            { return len(q) }
func (q queue) Less(i, j int) bool  { return q[i].d < q[j].d }
func (q queue) Swap(i, j int)       { q[i], q[j] = q[j], q[i] }
func (q *queue) Push(x interface{}) { *q = append(*q, x.(item)) }
func (q *queue) Pop() interface{} {
	old := *q
	top := old[len(old)-1]
	*q = old[:len(old)-1]
	return top
}

func main() {
	in := bufio.NewReader(os.Stdin)
	var n, m int
	fmt.Fscan(in, &n, &m)
	type edge struct {
		to int
		w  int64
	}
	graph := make([][]edge, n+1)
	for i := 0; i < m; i++ {
		var u, v int
		var w int64
		fmt.Fscan(in, &u, &v, &w)
		graph[u] = append(graph[u], edge{v, w})
		graph[v] = append(graph[v], edge{u, w})
	}
	dist := make([]int64, n+1)
	for i := range dist {
		dist[i] = -1
	}
	q := &queue{{0, 1}}
	for q.Len() > 0 {
		top := heap.Pop(q).(item)
		if dist[top.v] >= 0 {
			continue
		}
		dist[top.v] = top.d
		for _, e := range graph[top.v] {
			if dist[e.to] < 0 {
				heap.Push(q, item{top.d + e.w, e.to})
			}
		}
	}
	fmt.Println(dist[n])
}

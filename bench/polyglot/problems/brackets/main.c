#include <stdio.h>

static char s[1 << 20], stack[1 << 20];

int main(void) {
    int top = 0;
    if (scanf("%s", s) != 1) return 1;
    for (char *p = s; *p; p++) {
        char c = *p;
        if (c == '(' || c == '[' || c == '{') { stack[top++] = c; continue; }
        char open = c == ')' ? '(' : c == ']' ? '[' : '{';
        if (top == 0 || stack[--top] != open) { puts("NO"); return 0; }
    }
    puts(top == 0 ? "YES" : "NO");
    return 0;
}

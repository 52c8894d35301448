#include <stdio.h>
#include <string.h>

static char line[1 << 20];

int main(void) {
    if (!fgets(line, sizeof line, stdin)) return 1;
    char *words[1 << 16];
    int n = 0;
    for (char *w = strtok(line, " \n"); w; w = strtok(NULL, " \n")) words[n++] = w;
    for (int i = n - 1; i >= 0; i--) printf("%s%s", words[i], i ? " " : "\n");
    return 0;
}

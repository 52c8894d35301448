#include <stdio.h>
#include <stdlib.h>
#include <string.h>

static char words[1 << 17][32];

static int compare(const void *a, const void *b) { return strcmp(a, b); }

int main(void) {
    int n = 0;
    while (n < (1 << 17) && scanf("%31s", words[n]) == 1) n++;
    qsort(words, n, sizeof words[0], compare);
    int best = 0, bestCount = 0;
    for (int i = 0; i < n;) {
        int j = i;
        while (j < n && strcmp(words[i], words[j]) == 0) j++;
        if (j - i > bestCount) { bestCount = j - i; best = i; }
        i = j;
    }
    printf("%s %d\n", words[best], bestCount);
    return 0;
}

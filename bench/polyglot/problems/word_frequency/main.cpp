#include <bits/stdc++.h>
using namespace std;

int main() {
    map<string, int> counts;
    string word;
    while (cin >> word) counts[word]++;
    string best;
    int bestCount = 0;
    for (auto &[w, c] : counts)  // in order: the first of the highest counts is the smallest word
        if (c > bestCount) { best = w; bestCount = c; }
    cout << best << " " << bestCount << "\n";
}

"""PyTorch reference for the training-step speed of Pathwise's DKT and SAKT (bench/kt/pytorch).

The same architectures as packages/ml/src/models/deep/{dkt,sakt}.ts, timed per training step
(forward + masked BCE + backward + Adam) on random data of the benchmark shape. Run with Debian's
python3-torch (1.13) on one thread; prints one JSON object. Usage:
  /usr/bin/python3 reference.py --batch 64 --length 100 --hidden 64 --skills 110 --steps 20
"""
import argparse
import json
import time

import torch
import torch.nn as nn
import torch.nn.functional as F


class DKT(nn.Module):
    """Interaction embedding -> LSTM -> per-skill output read at the next skill (Piech et al. 2015)."""

    def __init__(self, skills, hidden):
        super().__init__()
        self.skills = skills
        self.embed = nn.Embedding(2 * skills + 1, hidden)
        self.lstm = nn.LSTM(hidden, hidden, batch_first=True)
        self.out_w = nn.Embedding(skills + 1, hidden)
        self.out_b = nn.Embedding(skills + 1, 1)

    def forward(self, skill, correct):
        h, _ = self.lstm(self.embed(skill + self.skills * correct))
        previous = torch.cat([torch.zeros_like(h[:, :1]), h[:, :-1]], 1)
        return (previous * self.out_w(skill)).sum(-1) + self.out_b(skill).squeeze(-1)


class SAKT(nn.Module):
    """Causal self-attention of the next exercise over past interactions (Pandey & Karypis 2019)."""

    def __init__(self, skills, d, heads, length):
        super().__init__()
        self.skills = skills
        self.interaction = nn.Embedding(2 * skills + 1, d)
        self.exercise = nn.Embedding(skills + 1, d)
        self.position = nn.Embedding(length, d)
        self.attn = nn.MultiheadAttention(d, heads, batch_first=True)
        self.norm1 = nn.LayerNorm(d)
        self.ffn1 = nn.Linear(d, d)
        self.ffn2 = nn.Linear(d, d)
        self.norm2 = nn.LayerNorm(d)
        self.out = nn.Linear(d, 1)
        self.drop = nn.Dropout(0.2)

    def forward(self, skill, correct):
        b, t = skill.shape
        inter = skill + self.skills * correct
        past = torch.cat([torch.zeros_like(inter[:, :1]), inter[:, :-1]], 1)
        memory = self.interaction(past) + self.position(torch.arange(t).expand(b, t))
        query = self.exercise(skill)
        mask = torch.triu(torch.ones(t, t, dtype=torch.bool), 1)
        attended, _ = self.attn(query, memory, memory, attn_mask=mask, need_weights=False)
        x = self.norm1(query + self.drop(attended))
        y = self.norm2(x + self.drop(self.ffn2(F.relu(self.ffn1(x)))))
        return self.out(y).squeeze(-1)


def time_steps(model, batch, length, skills, steps, warmup=3):
    torch.manual_seed(0)
    skill = torch.randint(1, skills + 1, (batch, length))
    correct = torch.randint(0, 2, (batch, length))
    mask = torch.ones(batch, length)
    mask[:, 0] = 0
    optimizer = torch.optim.Adam(model.parameters(), lr=1e-3)
    durations = []
    for i in range(warmup + steps):
        start = time.perf_counter()
        optimizer.zero_grad()
        logits = model(skill, correct)
        loss = (F.binary_cross_entropy_with_logits(logits, correct.float(), reduction="none") * mask).sum() / mask.sum()
        loss.backward()
        optimizer.step()
        if i >= warmup:
            durations.append(time.perf_counter() - start)
    durations.sort()
    return durations[len(durations) // 2] * 1000


def main():
    parser = argparse.ArgumentParser()
    parser.add_argument("--batch", type=int, default=64)
    parser.add_argument("--length", type=int, default=100)
    parser.add_argument("--hidden", type=int, default=64)
    parser.add_argument("--heads", type=int, default=2)
    parser.add_argument("--skills", type=int, default=110)
    parser.add_argument("--steps", type=int, default=20)
    args = parser.parse_args()
    torch.set_num_threads(1)
    torch.manual_seed(0)
    a = args
    result = {
        "torch": torch.__version__,
        "threads": torch.get_num_threads(),
        "dkt": time_steps(DKT(a.skills, a.hidden), a.batch, a.length, a.skills, a.steps),
        "sakt": time_steps(SAKT(a.skills, a.hidden, a.heads, a.length), a.batch, a.length, a.skills, a.steps),
    }
    print(json.dumps(result))


if __name__ == "__main__":
    main()

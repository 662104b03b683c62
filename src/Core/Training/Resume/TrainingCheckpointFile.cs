using System.Security.Cryptography;
using TrainingService.Core.Checkpoints;

namespace TrainingService.Core.Training.Resume;

/// <summary>
/// A training checkpoint as the <c>.pth</c> a PyTorch user saves by hand:
/// <c>{"epoch", "global_step", "model": state_dict, "optimizer": optimizer.state_dict(), "scheduler", "epoch_policy", "rng", ...}</c>,
/// readable by <c>torch.load(path, weights_only=True)</c> (torch 2.x; see tools/pytorch/training_checkpoint.py for 1.13).
/// Files are written like every checkpoint: to a temporary sibling, flushed, then renamed over the target.
/// </summary>
public sealed class TrainingCheckpointFile
{
    public const string Format = "trainingservice.training-checkpoint";
    public const long Version = 1;

    public async Task<CheckpointFile> WriteAsync(string path, TrainingCheckpointContent content, CancellationToken cancellationToken)
    {
        var target = Path.GetFullPath(path);
        Directory.CreateDirectory(Path.GetDirectoryName(target)!);
        var temporary = $"{target}.tmp-{RandomNumberGenerator.GetHexString(12, lowercase: true)}";
        try
        {
            CheckpointFile result;
            await using (var file = new FileStream(temporary, FileMode.CreateNew, FileAccess.ReadWrite, FileShare.None, 1 << 16, FileOptions.Asynchronous))
            {
                await Task.Run(() => new TorchObjectWriter().Write(file, ToDict(content)), cancellationToken);
                file.Flush(flushToDisk: true);
                file.Position = 0;
                var hash = await SHA256.HashDataAsync(file, cancellationToken);
                result = new CheckpointFile(target, file.Length, Convert.ToHexStringLower(hash));
            }
            File.Move(temporary, target, overwrite: true);
            return result;
        }
        catch
        {
            File.Delete(temporary);
            throw;
        }
    }

    public async Task<TrainingCheckpointContent> ReadAsync(string path, CancellationToken cancellationToken)
    {
        await using var file = File.OpenRead(path);
        var root = await Task.Run(() => new TorchObjectReader().Read(file), cancellationToken);
        return FromDict(root as TorchDict ?? throw new InvalidCheckpointException($"{path} does not hold a dict; it is not a training checkpoint."));
    }

    public static TorchDict ToDict(TrainingCheckpointContent c)
    {
        var dict = new TorchDict
        {
            { "format", Format },
            { "version", Version },
            { "job_id", c.JobId.ToString("D") },
            { "attempt", (long)c.Attempt },
            { "epoch", (long)c.Epoch },
            { "global_step", c.Step },
            { "model", TorchDict.FromStateTensors(c.Model) },
            { "optimizer", Optimizer(c.Optimizer) },
            { "optimizer_class", c.Optimizer.Kind },
            { "scheduler", Doubles(c.Scheduler) },
            { "epoch_policy", Policy(c.Policy) },
            { "rng", Rng(c.Rng) },
            { "learning_rate", c.LearningRate },
            { "best_file", c.BestFile },
            { "stopped_early_after", c.StoppedEarlyAfter is { } after ? (long)after : null },
            { "epoch_in_progress", c.InProgress is { } p ? Progress(p) : null },
        };
        return dict;
    }

    public static TrainingCheckpointContent FromDict(TorchDict d)
    {
        if (!d.TryGetValue("format", out var format) || format as string != Format)
        {
            throw new InvalidCheckpointException("The file is not a training checkpoint of this service (its 'format' entry is missing or different).");
        }
        var version = d.GetLong("version");
        if (version != Version)
        {
            throw new InvalidCheckpointException($"The training checkpoint has format version {version}; this service reads version {Version}.");
        }
        return new TrainingCheckpointContent(
            Guid.Parse(d.GetString("job_id")),
            (int)d.GetLong("attempt"),
            (int)d.GetLong("epoch"),
            d.GetLong("global_step"),
            d["epoch_in_progress"] is TorchDict progress ? ReadProgress(progress) : null,
            d.GetDict("model").ToStateTensors(),
            ReadOptimizer(d.GetString("optimizer_class"), d.GetDict("optimizer")),
            d.GetDict("scheduler").ToDictionary(e => (string)e.Key.Value!, e => d.GetDict("scheduler").GetDouble(e.Key)),
            ReadPolicy(d.GetDict("epoch_policy")),
            ReadRng(d.GetDict("rng")),
            d.GetDouble("learning_rate"),
            d["best_file"] as string,
            d["stopped_early_after"] is long after ? (int)after : null);
    }

    private static TorchDict Optimizer(OptimizerState optimizer)
    {
        var state = new TorchDict();
        for (var index = 0; index < optimizer.Parameters.Count; index++)
        {
            if (optimizer.Parameters[index] is not { } parameter)
            {
                continue;
            }
            var buffers = new TorchDict();
            if (parameter.Step is { } step)
            {
                // torch keeps Adam's and RMSprop's step as a 0-dim float32 tensor since 1.12.
                buffers.Add("step", new TensorValue(StateTensorType.Float32, [], BitConverter.GetBytes((float)step)));
            }
            foreach (var buffer in parameter.Buffers)
            {
                buffers.Add(buffer.Key, buffer.ToTensorValue());
            }
            state.Add((long)index, buffers);
        }
        var group = new TorchDict();
        foreach (var (key, value) in optimizer.Group)
        {
            group.Add(key, value switch
            {
                (double first, double second) => new TorchTuple(first, second),
                _ => value,
            });
        }
        group.Add("params", Enumerable.Range(0, optimizer.Parameters.Count).Select(i => (object?)(long)i).ToList());
        return new TorchDict { { "state", state }, { "param_groups", new List<object?> { group } } };
    }

    private static OptimizerState ReadOptimizer(string kind, TorchDict optimizer)
    {
        var groups = optimizer.GetList("param_groups");
        if (groups is not [TorchDict group])
        {
            throw new InvalidCheckpointException($"The training checkpoint's optimizer has {groups.Count} parameter groups; this service trains with one.");
        }
        var count = group.GetList("params").Count;
        var state = optimizer.GetDict("state");
        var parameters = Enumerable.Range(0, count).Select(index =>
        {
            if (!state.TryGetValue((long)index, out var value) || value is not TorchDict buffers)
            {
                return null;
            }
            long? step = buffers.TryGetValue("step", out var s) && s is TensorValue stepTensor ? (long)StepValue(stepTensor) : null;
            var tensors = buffers.Where(b => (string?)b.Key.Value != "step").Select(b => buffers.GetTensor(b.Key).WithKey((string)b.Key.Value!)).ToList();
            return new ParameterState(step, tensors);
        }).ToList();
        var settings = group.Where(g => (string?)g.Key.Value != "params")
            .Select(g => new KeyValuePair<string, object?>((string)g.Key.Value!, g.Value is TorchTuple { Count: 2 } t ? ((double)t[0]!, (double)t[1]!) : g.Value))
            .ToList();
        return new OptimizerState(kind, parameters, settings);
    }

    private static double StepValue(TensorValue step) => step.Type switch
    {
        StateTensorType.Float32 => BitConverter.ToSingle(step.Data),
        StateTensorType.Float64 => BitConverter.ToDouble(step.Data),
        StateTensorType.Int64 => BitConverter.ToInt64(step.Data),
        _ => throw new InvalidCheckpointException($"An optimizer step count is a {step.Type} tensor; expected a float or int scalar."),
    };

    private static TorchDict Doubles(IReadOnlyDictionary<string, double> values)
    {
        var dict = new TorchDict();
        foreach (var (key, value) in values)
        {
            dict.Add(key, value);
        }
        return dict;
    }

    private static TorchDict Policy(EpochPolicyState policy) => new()
    {
        { "best_epoch", (long)policy.BestEpoch },
        { "best_value", policy.BestValue },
        {
            "early_stopping", policy.EarlyStopping is { } es
                ? new TorchDict { { "best_value", es.BestValue }, { "best_epoch", (long)es.BestEpoch }, { "wait_count", (long)es.WaitCount } }
                : null
        },
    };

    private static EpochPolicyState ReadPolicy(TorchDict policy) => new(
        (int)policy.GetLong("best_epoch"), policy.GetDouble("best_value"),
        policy["early_stopping"] is TorchDict es ? new EarlyStoppingState(es.GetDouble("best_value"), (int)es.GetLong("best_epoch"), (int)es.GetLong("wait_count")) : null);

    private static TorchDict Rng(RngState rng) => new()
    {
        { "torch_cpu", Bytes(rng.TorchCpu) },
        { "augmentation", rng.Augmentation.Select(state => (object?)Bytes(state)).ToList() },
    };

    private static RngState ReadRng(TorchDict rng) => new(
        rng.GetTensor("torch_cpu").Data,
        rng.GetList("augmentation").Select(state => state is TensorValue t ? t.Data : throw new InvalidCheckpointException("rng['augmentation'] holds something other than tensors.")).ToList());

    private static TensorValue Bytes(byte[] state) => new(StateTensorType.UInt8, [state.LongLength], state);

    private static TorchDict Progress(EpochProgress p) => new()
    {
        { "batches_done", (long)p.BatchesDone },
        { "loss_sum", p.LossSum },
        { "correct", p.Correct },
        { "count", p.Count },
        { "train_seconds", p.TrainSeconds },
        { "step_losses", new TensorValue(StateTensorType.Float32, [p.StepLosses.LongLength], FloatBytes(p.StepLosses)) },
    };

    private static EpochProgress ReadProgress(TorchDict p)
    {
        var losses = p.GetTensor("step_losses");
        var values = new float[losses.ElementCount];
        Buffer.BlockCopy(losses.Data, 0, values, 0, losses.Data.Length);
        return new EpochProgress((int)p.GetLong("batches_done"), p.GetDouble("loss_sum"), p.GetLong("correct"), p.GetLong("count"),
            p.GetDouble("train_seconds"), values);
    }

    private static byte[] FloatBytes(float[] values)
    {
        var bytes = new byte[values.Length * sizeof(float)];
        Buffer.BlockCopy(values, 0, bytes, 0, bytes.Length);
        return bytes;
    }
}

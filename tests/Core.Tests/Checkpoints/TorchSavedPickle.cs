namespace TrainingService.Core.Tests.Checkpoints;

/// <summary>
/// data.pkl as torch.save pickles a state dict, reproduced with CPython's own pickler standing in for torch's classes:
/// memo opcodes (BINPUT/BINGET), an OrderedDict <c>_metadata</c> attached by BUILD, two tensors sharing storage '0'
/// (one a transposed view, one at offset 3) and a 0-dim int64 in storage '1'.
/// pickletools.dis of these bytes lists protocol 2 opcodes only.
/// </summary>
internal static class TorchSavedPickle
{
    public const string Base64 =
        "gAJjY29sbGVjdGlvbnMKT3JkZXJlZERpY3QKcQApUnEBKFgJAAAAZmMud2VpZ2h0cQJjdG9yY2guX3V0aWxzCl9yZWJ1aWxk"
        + "X3RlbnNvcl92MgpxAygoWAcAAABzdG9yYWdlcQRjdG9yY2gKRmxvYXRTdG9yYWdlCnEFWAEAAAAwcQZYAwAAAGNwdXEHSwZ0"
        + "cQhRSwBLAksDhnEJSwNLAYZxColoAClScQt0cQxScQ1YCwAAAGZjLndlaWdodF90cQ5oAygoaARoBWgGaAdLBnRxD1FLAEsD"
        + "SwKGcRBLAUsDhnERiWgAKVJxEnRxE1JxFFgHAAAAZmMuYmlhc3EVaAMoKGgEaAVoBmgHSwZ0cRZRSwNLA4VxF0sBhXEYiWgA"
        + "KVJxGXRxGlJxG1gWAAAAYm4ubnVtX2JhdGNoZXNfdHJhY2tlZHEcaAMoKGgEY3RvcmNoCkxvbmdTdG9yYWdlCnEdWAEAAAAx"
        + "cR5oB0sBdHEfUUsAKSmJaAApUnEgdHEhUnEidX1xI1gJAAAAX21ldGFkYXRhcSRoAClScSUoWAAAAABxJn1xJ1gHAAAAdmVy"
        + "c2lvbnEoSwFzWAIAAABibnEpfXEqaChLAnN1c2Iu";

    public static byte[] Bytes => Convert.FromBase64String(Base64);
}

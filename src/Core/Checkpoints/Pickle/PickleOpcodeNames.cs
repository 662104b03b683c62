using System.Collections.Frozen;

namespace TrainingService.Core.Checkpoints.Pickle;

/// <summary>pickletools names for opcodes the reader refuses, so an error says e.g. FRAME rather than a bare byte.</summary>
internal static class PickleOpcodeNames
{
    private static readonly FrozenDictionary<byte, string> Names = new Dictionary<byte, string>
    {
        [0x95] = "FRAME",
        [0x94] = "MEMOIZE",
        [0x93] = "STACK_GLOBAL",
        [0x8c] = "SHORT_BINUNICODE",
        [0x8d] = "BINUNICODE8",
        [0x8e] = "BINBYTES8",
        [0x8f] = "EMPTY_SET",
        [0x92] = "NEWOBJ_EX",
        [0x81] = "NEWOBJ",
        [0x8b] = "LONG4",
        [(byte)'B'] = "BINBYTES",
        [(byte)'C'] = "SHORT_BINBYTES",
        [(byte)'i'] = "INST",
        [(byte)'o'] = "OBJ",
        [(byte)'P'] = "PERSID",
        [(byte)'T'] = "BINSTRING",
        [(byte)'U'] = "SHORT_BINSTRING",
        [(byte)'I'] = "INT",
        [(byte)'L'] = "LONG",
        [(byte)'S'] = "STRING",
        [(byte)'V'] = "UNICODE",
        [(byte)'F'] = "FLOAT",
        [(byte)'0'] = "POP",
        [(byte)'2'] = "DUP",
    }.ToFrozenDictionary();

    public static string Describe(byte opcode) => Names.TryGetValue(opcode, out var name) ? name : "unknown";
}

using System;
using SafeShare.Cli;

return SafeShareTool.Run(args, Console.Out, Console.Error);

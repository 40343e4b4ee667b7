using System.CommandLine;

var root = new RootCommand("praefect-ctl: configure and operate a Praefect node from /etc/gitlab/gitlab.rb.");
return root.Parse(args).Invoke();
